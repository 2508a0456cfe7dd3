package org.leifeng.identity;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose flushes wait until the request's audit entry is written, so the client never holds an answer that
 * the audit log does not show. Spring's message converters flush when they finish a body; held, the answer leaves in
 * one piece when the request ends, with its length known. A body larger than the server's buffer still goes out as
 * the buffer fills: only bodies that small are held back whole.
 */
final class AnswerHeldUntilAudited extends HttpServletResponseWrapper {

    private volatile boolean held = true;
    private ServletOutputStream stream;
    private PrintWriter writer;

    AnswerHeldUntilAudited(HttpServletResponse response) {
        super(response);
    }

    /** Flushes pass through from now on (the entry is written, or the answer goes on asynchronously). */
    void release() {
        held = false;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!held) {
            super.flushBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new HeldStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(super.getWriter()) {
                @Override
                public void flush() {
                    if (!held) {
                        super.flush();
                    }
                }
            };
        }
        return writer;
    }

    private final class HeldStream extends ServletOutputStream {

        private final ServletOutputStream target;

        HeldStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (!held) {
                target.flush();
            }
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
