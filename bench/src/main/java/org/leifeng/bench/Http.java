package org.leifeng.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP/1.1 with keep-alive through Apache HttpClient 5 (classic, blocking): each client thread does its own I/O on
 * its own pooled connection, with no hand-off to selector threads, so the load generator spends as little of the
 * shared CPU as it can. No retries, redirects or cookies: every answer is counted as the server gave it.
 */
final class Http implements AutoCloseable {

    private final URI base;
    private final CloseableHttpClient client;

    Http(URI base, int connections) {
        this.base = base;
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofMinutes(2))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMinutes(2)).build())
                .build();
    }

    Answer send(Request request) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method())
                .setUri(base.resolve(request.path()))
                .addHeader(HttpHeaders.ACCEPT, request.accept());
        if (request.bearer() != null) {
            builder.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + request.bearer());
        }
        if (request.jsonBody() != null) {
            builder.setEntity(new StringEntity(request.jsonBody(), ContentType.APPLICATION_JSON));
        }
        return client.execute(builder.build(), response -> new Answer(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    /** The answer's bytes as they came (a PDF), with its status and media type. */
    Download download(String path, String bearer, String accept) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.get(base.resolve(path)).addHeader(HttpHeaders.ACCEPT, accept);
        if (bearer != null) {
            builder.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return client.execute(builder.build(), response -> new Download(response.getCode(),
                response.getEntity() == null ? null : response.getEntity().getContentType(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    record Download(int status, String contentType, byte[] body) {
    }

    Answer get(String path, String bearer) throws IOException {
        return send(Request.get("setup", path, bearer, null));
    }

    Answer post(String path, String bearer, String jsonBody) throws IOException {
        return send(Request.post("setup", path, bearer, jsonBody, null));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
