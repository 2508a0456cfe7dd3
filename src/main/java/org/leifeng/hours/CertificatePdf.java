package org.leifeng.hours;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
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
 * <p>Kept between documents, because they cost more than the drawing: the parsed font, in a small pool, since a parsed
 * font is used by one document at a time (its tables are read lazily from one stream); and, shared by all, each
 * character's advance width and whether the font has it, which are properties of the font alone. PDFBox's own
 * {@code getStringWidth} encodes the text and decodes it again through the CMap on every call, and the table measures
 * every cell, which would be most of a certificate's time. The pages are laid out before anything is drawn, so that the
 * font embedded can be cut to the characters shown first (see {@link #render}).
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
    /**
     * The tables of an embedded subset: those PDFBox keeps when it subsets a TrueType font itself
     * ({@code TrueTypeEmbedder.TABLES}), and the cmap, name, OS/2 and post tables PDFBox reads when embedding it.
     */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
            "hmtx", "fpgm", "gasp", "cmap", "name", "OS/2", "post");
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

    /**
     * Lays the pages out first, then embeds the font cut to the characters laid out, then draws. PDFBox's own subset
     * embedding ({@code PDType0Font.load(document, face, true)}) works on the whole font in every document, cut or
     * not: it writes and reads back the width of each of the face's 49,531 glyphs when loading, and maps each glyph
     * id up to the highest used (about 30,000 for Chinese) when subsetting at save, which would cost more than the
     * drawing. Cut first with fontbox's own subsetter, the font is embedded whole, so those passes see only the
     * glyphs shown.
     *
     * <p>The subset also leaves out the face's glyph substitution table, which has only a Latin script with no
     * features (CertificatePdfTest checks): it substitutes nothing, yet PDFBox ran its substitution pass (split into
     * words, map to glyph ids, encode again) on every showText of a font that has one, a large share of the drawing.
     */
    private byte[] render(CertificateContent content, TrueTypeFont face) {
        Layout layout = new Layout(face, glyphWidths);
        List<List<Mark>> pages = layout.pages(content);
        try (PDDocument document = new PDDocument(); TrueTypeFont cut = subset(face, layout.shown())) {
            describe(document, content);
            PDType0Font font = PDType0Font.load(document, cut, false);
            describeHeights(font.getFontDescriptor(), face);
            for (List<Mark> marks : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    draw(document, out, font, marks);
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render certificate " + content.number(), e);
        }
    }

    /**
     * The face cut to the given characters, with the tables a PDF's CIDFontType2 needs, the ones PDFBox keeps when it
     * subsets ({@link #SUBSET_TABLES}), and the cmap, name, OS/2 and post tables it reads when embedding a font:
     * the cmap to encode the text, the others for the font descriptor, which thus says what it said for the whole
     * face (but for the heights, see {@link #describeHeights}). The name carries a subset tag (ISO 32000 9.6.4)
     * made from the characters, so equal subsets get equal names.
     */
    private static TrueTypeFont subset(TrueTypeFont face, Set<Integer> codePoints) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(face, SUBSET_TABLES);
        subsetter.addAll(codePoints);
        subsetter.setPrefix(tag(codePoints));
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        subsetter.writeToStream(cut);
        return new TTFParser().parse(new RandomAccessReadBuffer(cut.toByteArray()));
    }

    /**
     * The cap and x heights the whole face gives, where the subset's would be wrong: this face's OS/2 table predates
     * version 1.2, so PDFBox measures them from the outlines of H and x, which a subset often lacks (it then writes
     * 0). They are what PDFBox's own subset embedding writes.
     */
    private static void describeHeights(PDFontDescriptor descriptor, TrueTypeFont face) throws IOException {
        float scaling = 1000f / face.getHeader().getUnitsPerEm();
        descriptor.setCapHeight(Math.round(face.getPath("H").getBounds2D().getMaxY()) * scaling);
        descriptor.setXHeight(Math.round(face.getPath("x").getBounds2D().getMaxY()) * scaling);
    }

    /** Six capital letters from the characters, with the plus sign after them that ISO 32000 asks for. */
    private static String tag(Set<Integer> codePoints) {
        long number = new TreeSet<>(codePoints).hashCode() & 0xFFFFFFFFL;
        StringBuilder tag = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + number % 26));
            number /= 26;
        }
        return tag.append('+').toString();
    }

    private static void draw(PDDocument document, PDPageContentStream out, PDType0Font font, List<Mark> marks)
            throws IOException {
        for (Mark mark : marks) {
            if (mark instanceof Text text) {
                out.beginText();
                out.setFont(font, text.size());
                out.newLineAtOffset(text.x(), text.y());
                out.showText(text.text());
                out.endText();
            } else if (mark instanceof Rule rule) {
                out.setLineWidth(0.5f);
                out.moveTo(COLUMNS[0], rule.y());
                out.lineTo(COLUMNS[COLUMNS.length - 1], rule.y());
                out.stroke();
            } else if (mark instanceof Qr qr) {
                out.drawImage(qrCode(document, qr.url()), qr.x(), qr.y(), qr.size(), qr.size());
            }
        }
    }

    /**
     * The verification URL's QR code as a 1-bit grey image. {@link QrCodes#image} answers a one-bit-a-pixel image
     * whose palette has black at 0 and white at 1, rows padded to whole bytes: exactly the samples of a 1-bit
     * DeviceGray image, so its raster is compressed as it is. {@code LosslessFactory.createFromImage} makes the same
     * stream, but reads the image back pixel by pixel through {@code getRGB} and writes it again bit by bit, which
     * costs more than drawing the code.
     */
    private static PDImageXObject qrCode(PDDocument document, String url) throws IOException {
        BufferedImage image = QrCodes.image(url, 240);
        byte[] samples = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(samples.length / 2);
        FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE)
                .encode(new ByteArrayInputStream(samples), compressed, new COSDictionary(), 0);
        return new PDImageXObject(document, new ByteArrayInputStream(compressed.toByteArray()), COSName.FLATE_DECODE,
                image.getWidth(), image.getHeight(), 1, PDDeviceGray.INSTANCE);
    }

    /** What a page shows, in the order it is drawn. */
    private sealed interface Mark permits Text, Rule, Qr {
    }

    /** Text at (x, y), every character of it in the font. */
    private record Text(float size, float x, float y, String text) implements Mark {
    }

    /** A table rule across the page at y. */
    private record Rule(float y) implements Mark {
    }

    private record Qr(String url, float x, float y, float size) implements Mark {
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

    /**
     * Lays a certificate's pages out with the widths of the font's characters; replaces characters the font lacks
     * rather than failing. Collects the characters shown, which are all the embedded font holds.
     */
    private static final class Layout {

        private final TrueTypeFont face;
        private final CmapLookup cmap;
        private final Map<Integer, Float> glyphWidths;
        private final Set<Integer> shown = new HashSet<>();
        private List<Mark> page;

        Layout(TrueTypeFont face, Map<Integer, Float> glyphWidths) {
            this.face = face;
            this.glyphWidths = glyphWidths;
            try {
                this.cmap = face.getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the certificate font's cmap", e);
            }
        }

        Set<Integer> shown() {
            return shown;
        }

        List<List<Mark>> pages(CertificateContent content) {
            List<List<CertificateContent.Item>> rows = paginate(content.records());
            List<List<Mark>> pages = new ArrayList<>(rows.size());
            int listed = 0;
            for (int i = 0; i < rows.size(); i++) {
                page = new ArrayList<>();
                pages.add(page);
                if (i == 0) {
                    statement(content);
                } else {
                    text(9, MARGIN, 800, "志愿服务记录证明（续）  证明编号 " + content.number());
                }
                float bottom = table(rows.get(i), i == 0 ? TABLE_TOP : 770, listed);
                listed += rows.get(i).size();
                if (i == rows.size() - 1) {
                    closing(content, bottom);
                }
                text(8, MARGIN, 40, "第 " + (i + 1) + " 页 / 共 " + rows.size() + " 页");
            }
            return pages;
        }

        void statement(CertificateContent content) {
            centred(22, 770, "志愿服务记录证明");
            centred(10, 750, "Certificate of Volunteer Service Records");
            String who = content.volunteerName() + "（" + content.idType() + " " + content.idNumberMasked()
                    + "，志愿者编号 " + content.volunteerNumber() + "）";
            float y = 710;
            for (String line : wrap("兹证明 " + who + " 参加志愿服务，经各组织单位记录，累计志愿服务时长 "
                    + hours(content.totalHours()) + " 小时，共 " + content.records().size() + " 条记录，明细如下：", 11,
                    COLUMNS[COLUMNS.length - 1] - MARGIN)) {
                text(11, MARGIN, y, line);
                y -= 18;
            }
        }

        /** The table's rows from {@code top} down; returns the y under the last row. */
        float table(List<CertificateContent.Item> rows, float top, int firstIndex) {
            String[] header = {"序号", "日期", "活动", "组织单位", "时长（小时）"};
            float y = top;
            line(y + ROW - 4);
            for (int c = 0; c < header.length; c++) {
                text(9.5f, COLUMNS[c] + 2, y, header[c]);
            }
            line(y - 5);
            for (int r = 0; r < rows.size(); r++) {
                y -= ROW;
                CertificateContent.Item item = rows.get(r);
                String[] cells = {String.valueOf(firstIndex + r + 1), DAY.format(item.date()), item.activity(),
                        item.organiser(), hours(item.hours())};
                for (int c = 0; c < cells.length; c++) {
                    text(9, COLUMNS[c] + 2, y, fit(cells[c], 9, COLUMNS[c + 1] - COLUMNS[c] - 6));
                }
            }
            line(y - 5);
            return y - 5;
        }

        void closing(CertificateContent content, float tableBottom) {
            float y = tableBottom - 25;
            text(11, MARGIN, y, "合计：" + hours(content.totalHours()) + " 小时");
            y -= 22;
            for (String line : wrap("出具单位：" + String.join("、", content.issuers()), 11, 330)) {
                text(11, MARGIN, y, line);
                y -= 16;
            }
            text(11, MARGIN, y - 4, "出具日期：" + ISSUED.format(content.issuedAt().atZoneSameInstant(CITY)));
            text(11, MARGIN, y - 24, "证明编号：" + content.number());
            text(8, MARGIN, y - 44, "本证明依据《志愿服务记录与证明出具办法（试行）》出具，免费、如实；扫描右侧二维码或访问");
            text(8, MARGIN, y - 56, content.verifyUrl() + " 核验真伪。");
            float size = 96;
            page.add(new Qr(content.verifyUrl(), COLUMNS[COLUMNS.length - 1] - size, tableBottom - 20 - size, size));
        }

        void centred(float size, float y, String text) {
            String shown = printable(text);
            float width = width(shown, size);
            text(size, (PDRectangle.A4.getWidth() - width) / 2, y, shown);
        }

        void text(float size, float x, float y, String text) {
            String printable = printable(text);
            printable.codePoints().forEach(shown::add);
            page.add(new Text(size, x, y, printable));
        }

        private void line(float y) {
            page.add(new Rule(y));
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
        private List<String> wrap(String text, float size, float width) {
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
         * sum of the same widths ({@link #glyphWidth}) in the same order, without encoding and decoding the text.
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

        /**
         * The width of a character in 1/1000 em as the embedded font's W array gives it (PDFBox rounds the advance
         * width, scaled to 1000 units an em, to a whole number), or {@link #NO_GLYPH}; asked of the face once.
         * Characters beyond the Basic Multilingual Plane count as missing: the subset's cmap is format 4 (fontbox's
         * subsetter writes no other), which cannot reach them. The face's only glyphs there are five Deseret letters
         * and one Tai Xuan Jing symbol.
         */
        private float glyphWidth(int codePoint) {
            Float known = glyphWidths.get(codePoint);
            if (known != null) {
                return known;
            }
            float width = NO_GLYPH;
            int glyph = Character.isBmpCodePoint(codePoint) ? cmap.getGlyphId(codePoint) : 0;
            if (glyph > 0) {
                try {
                    float scaling = 1000f / face.getHeader().getUnitsPerEm();
                    width = Math.round(face.getHorizontalMetrics().getAdvanceWidth(glyph) * scaling);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the certificate font's metrics", e);
                }
            }
            glyphWidths.put(codePoint, width);
            return width;
        }
    }

    static String hours(BigDecimal hours) {
        return hours.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
