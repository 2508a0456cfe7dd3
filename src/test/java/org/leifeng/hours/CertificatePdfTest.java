package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.gsub.GsubWorkerFactory;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

class CertificatePdfTest {

    private static final String URL = "https://leifeng.example/verify/2026-7K3Q-9XWM-D2PA-H5TB";
    private final CertificatePdf pdf = new CertificatePdf();

    @Test
    void theCertificateSaysWhoServedHowLongWhereAndWhoIssuedIt() throws IOException {
        String text = text(pdf.render(content(3)));

        assertThat(text).contains("志愿服务记录证明", "欧阳明月", "居民身份证 4102**********123X", "41020000000017",
                "累计志愿服务时长 7.5 小时", "关爱空巢老人", "龙亭区北书店街道", "2026-03-05", "2.5",
                "出具单位：龙亭区北书店街道、开封市志愿服务平台", "证明编号：2026-7K3Q-9XWM-D2PA-H5TB", "2026年11月24日");
        assertThat(text).doesNotContain("410202199001011234");
    }

    @Test
    void fiveHundredRecordsRunOverNumberedPagesWithEveryRecordListed() throws IOException {
        byte[] rendered = pdf.render(content(500));

        try (PDDocument document = Loader.loadPDF(rendered)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(10);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("第 1 页 / 共 " + pages + " 页", "第 " + pages + " 页 / 共 " + pages + " 页");
            assertThat(text).contains("\n500 ").contains("合计：1250.0 小时");
        }
    }

    @Test
    void theQrCodeOnTheLastPageOpensTheVerificationPage() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.render(content(3)))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            assertThat(decode(page)).isEqualTo(URL);
        }
    }

    @Test
    void aCharacterTheFontLacksIsReplacedRatherThanFailingTheCertificate() throws IOException {
        CertificateContent odd = content(1);
        odd = new CertificateContent(odd.number(), odd.volunteerId(), "王\uD83D\uDE00明", odd.idType(),
                odd.idNumberMasked(), odd.volunteerNumber(), odd.totalHours(), odd.records(), odd.issuers(),
                odd.issuedAt(), odd.verifyUrl());

        assertThat(text(pdf.render(odd))).contains("王?明");
    }

    /**
     * CertificatePdf turns the font's glyph substitution off because it changes nothing: the same glyphs are shown as
     * PDFBox's substitution pass would show, for every character the font maps.
     */
    @Test
    void theFontsGlyphSubstitutionChangesNoGlyph() throws IOException {
        try (InputStream in = CertificatePdf.class.getResourceAsStream("/fonts/wqy-microhei.ttc");
                TrueTypeCollection collection = new TrueTypeCollection(in)) {
            TrueTypeFont face = collection.getFontByName("WenQuanYiMicroHei");
            GsubData gsub = face.getGsubData();
            CmapLookup cmap = face.getUnicodeCmapLookup();
            List<Integer> glyphs = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).map(cmap::getGlyphId)
                    .filter(glyph -> glyph > 0).boxed().toList();

            assertThat(gsub).isNotSameAs(GsubData.NO_DATA_FOUND);
            assertThat(gsub.getSupportedFeatures()).isEmpty();
            assertThat(glyphs).hasSizeGreaterThan(20_000);
            assertThat(new GsubWorkerFactory().getGsubWorker(cmap, gsub).applyTransforms(glyphs)).isEqualTo(glyphs);
        }
    }

    static CertificateContent content(int records) {
        List<CertificateContent.Item> items = IntStream.range(0, records)
                .mapToObj(i -> new CertificateContent.Item(LocalDate.of(2026, 3, 5).plusDays(i % 200),
                        i % 2 == 0 ? "关爱空巢老人" : "文明交通劝导 Traffic civility with a title far too long for its column",
                        "龙亭区北书店街道", new BigDecimal("2.5")))
                .toList();
        BigDecimal total = new BigDecimal("2.5").multiply(BigDecimal.valueOf(records));
        return new CertificateContent("2026-7K3Q-9XWM-D2PA-H5TB", 17, "欧阳明月", "居民身份证", "4102**********123X",
                "41020000000017", total, items, List.of("龙亭区北书店街道", "开封市志愿服务平台"),
                OffsetDateTime.parse("2026-11-24T10:00:00+08:00"), URL);
    }

    private static String text(byte[] rendered) throws IOException {
        try (PDDocument document = Loader.loadPDF(rendered)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String decode(BufferedImage image) throws NotFoundException {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
