package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering a certificate's PDF ({@link CertificatePdf#render}) without the database: the content of a volunteer
 * with {@code records} (500) records as the certificate scenario seeds them (the same ten activity titles in turn,
 * one of them too long for its column, hours from 1.0 to 4.0), from the statement to the saved bytes. One renderer
 * for the whole run, as the application has one: its parsed font and glyph widths are warm after the first
 * certificate, as they are in a running application.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CertificatePdfBenchmark {

    /** The certificate scenario's titles ({@code CertificateScenario.TITLES}). */
    private static final String[] TITLES = {"关爱空巢老人", "文明交通劝导", "社区环境整治", "垃圾分类宣传",
            "古城文化讲解 Heritage guide at the Iron Pagoda and the Dragon Pavilion", "义诊进社区", "留守儿童陪伴",
            "应急救护培训", "菊花文化节服务", "防汛巡查"};
    private static final String[] ORGANISERS = {"龙亭区北书店街道", "顺河回族区清平街道", "鼓楼区相国寺街道"};
    private static final String[] HOURS = {"1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0"};

    @Param("500")
    public int records;

    private CertificatePdf pdf;
    private CertificateContent content;

    @Setup
    public void prepare() {
        pdf = new CertificatePdf();
        List<CertificateContent.Item> items = IntStream.range(0, records)
                .mapToObj(i -> new CertificateContent.Item(LocalDate.of(2024, 1, 1).plusDays(i),
                        TITLES[i % TITLES.length], ORGANISERS[i % ORGANISERS.length],
                        new BigDecimal(HOURS[i % HOURS.length])))
                .toList();
        BigDecimal total = items.stream().map(CertificateContent.Item::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        content = new CertificateContent("2026-7K3Q-9XWM-D2PA-H5TB", 17, "欧阳明月", "居民身份证",
                "4102**********123X", "41020000000017", total, items, List.of("龙亭区北书店街道", "开封市志愿服务平台"),
                OffsetDateTime.parse("2026-11-24T10:00:00+08:00"),
                "https://leifeng.kaifeng.gov.cn/verify/2026-7K3Q-9XWM-D2PA-H5TB");
        pdf.render(content);
    }

    @Benchmark
    public byte[] render() {
        return pdf.render(content);
    }
}
