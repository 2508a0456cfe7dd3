package org.leifeng.platform;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes with ZXing: attendance codes on the organiser's screen, volunteers' personal codes, certificates. */
public final class QrCodes {

    private QrCodes() {
    }

    public static BufferedImage image(String text, int pixels) {
        return toImage(matrix(text, pixels));
    }

    public static byte[] png(String text, int pixels) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image(text, pixels), "PNG", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitMatrix matrix(String text, int pixels) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode this text as a QR code", e);
        }
    }

    /**
     * The image ZXing's {@code MatrixToImageWriter.toBufferedImage} makes of a matrix in black on white, pixel for
     * pixel (one bit a pixel, 0 black and 1 white in its palette), with the bits written straight into the raster:
     * ZXing sets them through {@code setRGB}, which looks every pixel up in the palette, the larger part of drawing a
     * certificate's QR code.
     */
    static BufferedImage toImage(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] bits = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = ((MultiPixelPackedSampleModel) image.getRaster().getSampleModel()).getScanlineStride();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x, y)) {
                    bits[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return image;
    }

    /** A {@code data:} URL of the PNG, for an {@code <img>} in a page that refreshes itself. */
    public static String dataUrl(String text, int pixels) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, pixels));
    }
}
