package org.leifeng.hours;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.leifeng.platform.QrCodes;
import org.springframework.stereotype.Component;


/**
 * Renders a certificate (志愿服务记录证明) as an A4 PDF with PDFBox: the statement, the itemised records in a table
 * that continues over as many pages as it needs (header repeated, pages numbered), the issuers, the date, the number
 * and a QR code of the public verification URL. The font ships with the application ({@code fonts/wqy-microhei.ttc},
 * WenQuanYi Micro Hei, Apache 2.0; Chinese and Latin in one font) and only the glyphs used are embedded.
 *
 * <p>Kept between documents, because they cost more than the drawing (a profile of 500 records): the parsed font,
 * in a small pool, since a parsed font is used by one document at a time (its tables are read lazily from one
 * stream); and, shared by all, each character's advance width and whether the font has it, which are properties of
 * the font alone. PDFBox's own {@code getStringWidth} encodes the text and decodes it again through the CMap on
 * every call, and the table measures every cell: that was more than half of the time.
 */
@Component
class CertificatePdf {

    private static final String FONT = "/fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String NO_LINE_START = "，。、：；！？）》」』";
    private static final float MARGIN = 50;
    private static final float ROW = 17;
    private static final float TABLE_TOP = 660;
    private static final float TABLE_BOTTOM = 90;
    /** Column left edges: 序号, 日期, 活动, 组织单位, 时长; the last edge is the table's right side. */
    private static final float[] COLUMNS = {MARGIN, 85, 160, 345, 480, PDRectangle.A4.getWidth() - MARGIN};

    /**
     * Parsed fonts kept for the next documents (about 10 MB each): enough for a few renders at once on each core.
     * More at once parse a font of their own, as before, and drop it.
     */
    private static final int KEPT_FONTS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** In {@link #glyphWidths}: the font has no glyph for this code point. */
    private static final float NO_GLYPH = -1;

    private final byte[] font;
    private final BlockingQueue<ParsedFont> idleFonts = new ArrayBlockingQueue<>(KEPT_FONTS);
    /** Advance width in 1/1000 em of each code point used so far, or {@link #NO_GLYPH}. */
    private final Map<Integer, Float> glyphWidths = new ConcurrentHashMap<>();

    CertificatePdf() {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The certificate font " + FONT + " is missing from the application");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(CertificateContent content) {
        ParsedFont parsed = borrowFont();
        byte[] rendered = render(content, parsed.face());
        giveBack(parsed);
        return rendered;
    }

    private byte[] render(CertificateContent content, TrueTypeFont face) {
        try (PDDocument document = new PDDocument()) {
            describe(document, content);
            // Only the glyphs shown are embedded; the parsed font itself is not closed with the document.
            Writer writer = new Writer(document, PDType0Font.load(document, face, true), glyphWidths);
            List<List<CertificateContent.Item>> pages = paginate(content.records());
            int listed = 0;
            for (int i = 0; i < pages.size(); i++) {
                boolean last = i == pages.size() - 1;
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    if (i == 0) {
                        writer.statement(out, content);
                    } else {
                        writer.text(out, 9, MARGIN, 800, "志愿服务记录证明（续）  证明编号 " + content.number());
                    }
                    float bottom = writer.table(out, pages.get(i), i == 0 ? TABLE_TOP : 770, listed);
                    listed += pages.get(i).size();
                    if (last) {
                        writer.closing(out, content, bottom);
                    }
                    writer.text(out, 8, MARGIN, 40, "第 " + (i + 1) + " 页 / 共 " + pages.size() + " 页");
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render certificate " + content.number(), e);
        }
    }

    /** A parsed font nobody is using, or a newly parsed one when all are in use. */
    private ParsedFont borrowFont() {
        ParsedFont idle = idleFonts.poll();
        if (idle != null) {
            return idle;
        }
        try {
            // The collection holds two faces; the proportional one is used.
            TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(font));
            TrueTypeFont face = collection.getFontByName(FONT_NAME);
            // The face's GSUB table has only a Latin script with no features: substitution changes no glyph. With it
            // enabled, PDFBox still runs the substitution pass on every showText of a Type 0 font (split into words,
            // each mapped to glyph ids and back), about a quarter of a certificate's drawing; without it, showText
            // encodes through the cmap directly, to the same glyphs (CertificatePdfTest compares them).
            face.setEnableGsub(false);
            return new ParsedFont(collection, face);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the certificate font", e);
        }
    }

    /**
     * Keeps a font for the next document, unless enough are kept already. A document that failed midway does not
     * give its font back (in case reading the font was what failed): it is left to the garbage collector.
     */
    private void giveBack(ParsedFont parsed) {
        if (!idleFonts.offer(parsed)) {
            parsed.close();
        }
    }

    private record ParsedFont(TrueTypeCollection collection, TrueTypeFont face) {

        void close() {
            try {
                collection.close();
            } catch (IOException ignored) {
                // it only releases the bytes it read
            }
        }
    }

    private static void describe(PDDocument document, CertificateContent content) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("志愿服务记录证明 " + content.number());
        info.setSubject("Certificate of volunteer service records");
        info.setCreator("Leifeng");
        Calendar issued = GregorianCalendar.from(content.issuedAt().atZoneSameInstant(CITY));
        info.setCreationDate(issued);
        info.setModificationDate(issued);
    }

    private static int rowsOnFirstPage() {
        return (int) ((TABLE_TOP - ROW - TABLE_BOTTOM - 150) / ROW);
    }

    /** The first page leaves room under the table for the closing block; later pages fill down to the bottom. */
    private static List<List<CertificateContent.Item>> paginate(List<CertificateContent.Item> records) {
        List<List<CertificateContent.Item>> pages = new ArrayList<>();
        int later = (int) ((770 - ROW - TABLE_BOTTOM) / ROW);
        int from = 0;
        int size = rowsOnFirstPage();
        do {
            int to = Math.min(records.size(), from + size);
            pages.add(records.subList(from, to));
            from = to;
            size = later;
        } while (from < records.size());
        // The closing block needs ~150 pt under the last rows: give it a page of its own when a full page ends.
        List<CertificateContent.Item> last = pages.get(pages.size() - 1);
        if (pages.size() > 1 && last.size() > later - (int) (150 / ROW)) {
            pages.add(List.of());
        }
        return pages;
    }

    /** Draws on a page with the document's font; replaces characters the font lacks rather than failing. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final Map<Integer, Float> glyphWidths;

        Writer(PDDocument document, PDType0Font font, Map<Integer, Float> glyphWidths) {
            this.document = document;
            this.font = font;
            this.glyphWidths = glyphWidths;
        }

        void statement(PDPageContentStream out, CertificateContent content) throws IOException {
            centred(out, 22, 770, "志愿服务记录证明");
            centred(out, 10, 750, "Certificate of Volunteer Service Records");
            String who = content.volunteerName() + "（" + content.idType() + " " + content.idNumberMasked()
                    + "，志愿者编号 " + content.volunteerNumber() + "）";
            float y = 710;
            for (String line : wrap("兹证明 " + who + " 参加志愿服务，经各组织单位记录，累计志愿服务时长 "
                    + hours(content.totalHours()) + " 小时，共 " + content.records().size() + " 条记录，明细如下：", 11,
                    COLUMNS[COLUMNS.length - 1] - MARGIN)) {
                text(out, 11, MARGIN, y, line);
                y -= 18;
            }
        }

        /** The table's rows from {@code top} down; returns the y under the last row. */
        float table(PDPageContentStream out, List<CertificateContent.Item> rows, float top, int firstIndex)
                throws IOException {
            String[] header = {"序号", "日期", "活动", "组织单位", "时长（小时）"};
            float y = top;
            line(out, y + ROW - 4);
            for (int c = 0; c < header.length; c++) {
                text(out, 9.5f, COLUMNS[c] + 2, y, header[c]);
            }
            line(out, y - 5);
            for (int r = 0; r < rows.size(); r++) {
                y -= ROW;
                CertificateContent.Item item = rows.get(r);
                String[] cells = {String.valueOf(firstIndex + r + 1), DAY.format(item.date()), item.activity(),
                        item.organiser(), hours(item.hours())};
                for (int c = 0; c < cells.length; c++) {
                    text(out, 9, COLUMNS[c] + 2, y, fit(cells[c], 9, COLUMNS[c + 1] - COLUMNS[c] - 6));
                }
            }
            line(out, y - 5);
            return y - 5;
        }

        void closing(PDPageContentStream out, CertificateContent content, float tableBottom) throws IOException {
            float y = tableBottom - 25;
            text(out, 11, MARGIN, y, "合计：" + hours(content.totalHours()) + " 小时");
            y -= 22;
            for (String line : wrap("出具单位：" + String.join("、", content.issuers()), 11, 330)) {
                text(out, 11, MARGIN, y, line);
                y -= 16;
            }
            text(out, 11, MARGIN, y - 4, "出具日期：" + ISSUED.format(content.issuedAt().atZoneSameInstant(CITY)));
            text(out, 11, MARGIN, y - 24, "证明编号：" + content.number());
            text(out, 8, MARGIN, y - 44, "本证明依据《志愿服务记录与证明出具办法（试行）》出具，免费、如实；扫描右侧二维码或访问");
            text(out, 8, MARGIN, y - 56, content.verifyUrl() + " 核验真伪。");
            PDImageXObject qr = qrCode(content.verifyUrl());
            float size = 96;
            out.drawImage(qr, COLUMNS[COLUMNS.length - 1] - size, tableBottom - 20 - size, size, size);
        }

        /**
         * The verification URL's QR code as a 1-bit grey image. {@link QrCodes#image} answers a one-bit-a-pixel image
         * whose palette has black at 0 and white at 1, rows padded to whole bytes: exactly the samples of a 1-bit
         * DeviceGray image, so its raster is compressed as it is. {@code LosslessFactory.createFromImage} makes the
         * same stream, but reads the image back pixel by pixel through {@code getRGB} and writes it again bit by
         * bit, which was more than half of drawing the code.
         */
        private PDImageXObject qrCode(String url) throws IOException {
            BufferedImage image = QrCodes.image(url, 240);
            byte[] samples = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(samples.length / 2);
            FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE)
                    .encode(new ByteArrayInputStream(samples), compressed, new COSDictionary(), 0);
            return new PDImageXObject(document, new ByteArrayInputStream(compressed.toByteArray()),
                    COSName.FLATE_DECODE, image.getWidth(), image.getHeight(), 1, PDDeviceGray.INSTANCE);
        }

        void centred(PDPageContentStream out, float size, float y, String text) throws IOException {
            String shown = printable(text);
            float width = width(shown, size);
            text(out, size, (PDRectangle.A4.getWidth() - width) / 2, y, shown);
        }

        void text(PDPageContentStream out, float size, float x, float y, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(printable(text));
            out.endText();
        }

        private void line(PDPageContentStream out, float y) throws IOException {
            out.setLineWidth(0.5f);
            out.moveTo(COLUMNS[0], y);
            out.lineTo(COLUMNS[COLUMNS.length - 1], y);
            out.stroke();
        }

        /**
         * Cuts a cell's text to its column, with an ellipsis: the longest start that fits with the ellipsis after it.
         * Widths only add up, so that start is found in one pass from the left, each sum taken in the order
         * {@link #width} takes it.
         */
        private String fit(String text, float size, float width) {
            String shown = printable(text);
            if (width(shown, size) <= width) {
                return shown;
            }
            float ellipsis = glyphWidth('…');
            float prefix = 0;
            int end = 0;
            while (end < shown.length()) {
                int codePoint = shown.codePointAt(end);
                float longer = prefix + glyphWidth(codePoint);
                if ((longer + ellipsis) / 1000 * size > width) {
                    break;
                }
                prefix = longer;
                end += Character.charCount(codePoint);
            }
            return shown.substring(0, end) + "…";
        }

        /** Breaks text into lines no wider than {@code width}, at any character (Chinese has no spaces). */
        private List<String> wrap(String text, float size, float width) throws IOException {
            String shown = printable(text);
            List<String> lines = new ArrayList<>();
            int start = 0;
            while (start < shown.length()) {
                int end = start;
                while (end < shown.length() && width(shown.substring(start, shown.offsetByCodePoints(end, 1)), size) <= width) {
                    end = shown.offsetByCodePoints(end, 1);
                }
                end = Math.max(end, shown.offsetByCodePoints(start, 1));
                // 避头: a comma or closing bracket never starts a line; it stays with the text before it.
                while (end < shown.length() && NO_LINE_START.indexOf(shown.charAt(end)) >= 0) {
                    end++;
                }
                lines.add(shown.substring(start, end));
                start = end;
            }
            return lines;
        }

        /**
         * What {@code font.getStringWidth(text) / 1000 * size} answers, from the widths of the characters: the same
         * sum of the same advance widths in the same order, without encoding and decoding the text every time.
         * {@code text} has been through {@link #printable}.
         */
        private float width(String text, float size) {
            float width = 0;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                width += glyphWidth(text.codePointAt(i));
            }
            return width / 1000 * size;
        }

        /**
         * Characters the font has no glyph for (rare ideographs, emoji) become ? instead of failing the document. Text
         * that needs no replacement, nearly all of it, is answered as it is.
         */
        private String printable(String text) {
            StringBuilder shown = null;
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                boolean missing = glyphWidth(codePoint) == NO_GLYPH;
                if (missing && shown == null) {
                    shown = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (shown != null) {
                    if (missing) {
                        shown.append('?');
                    } else {
                        shown.appendCodePoint(codePoint);
                    }
                }
                i += Character.charCount(codePoint);
            }
            return shown == null ? text : shown.toString();
        }

        /** The advance width of a character in 1/1000 em, or {@link #NO_GLYPH}; asked of the font once. */
        private float glyphWidth(int codePoint) {
            Float known = glyphWidths.get(codePoint);
            if (known != null) {
                return known;
            }
            float width;
            try {
                width = font.getStringWidth(new String(Character.toChars(codePoint)));
            } catch (IllegalArgumentException | IOException missing) {
                width = NO_GLYPH;
            }
            glyphWidths.put(codePoint, width);
            return width;
        }
    }

    static String hours(BigDecimal hours) {
        return hours.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
