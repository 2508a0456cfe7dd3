package org.leifeng.platform;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR rendering with ZXing ({@link QrCodes}): the attendance code as the organiser's page shows it (its URL, 360 px,
 * a PNG in a {@code data:} URL, drawn again at every refresh of the page), split into encoding the matrix alone and
 * writing the PNG; and the certificate's verification QR (240 px image, before PDFBox embeds it), also through
 * ZXing's own image writer for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QrCodesBenchmark {

    /** What {@code Attendance.code} answers: the public base, /attend/, then shift.slot.mac. */
    private static final String ATTENDANCE_URL = "https://leifeng.kaifeng.gov.cn/attend/123456.59012345.q3V9kT2xLmPzR8aWbC1dEf";
    private static final String VERIFY_URL = "https://leifeng.kaifeng.gov.cn/verify/2026-7K3Q-9XWM-D2PA-H5TB";

    /** Only the QR matrix, with the hints {@link QrCodes} uses (error correction M, margin 2). */
    @Benchmark
    public BitMatrix attendanceCodeMatrix() throws WriterException {
        return new QRCodeWriter().encode(ATTENDANCE_URL, BarcodeFormat.QR_CODE, 360, 360,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
    }

    @Benchmark
    public byte[] attendanceCodePng() {
        return QrCodes.png(ATTENDANCE_URL, 360);
    }

    /** What the attendance page embeds: the PNG, base64, in a data: URL. */
    @Benchmark
    public String attendanceCodeDataUrl() {
        return QrCodes.dataUrl(ATTENDANCE_URL, 360);
    }

    @Benchmark
    public BufferedImage certificateImage() {
        return QrCodes.image(VERIFY_URL, 240);
    }

    /** For comparison: the same image through ZXing's {@code MatrixToImageWriter}, which QrCodes used before. */
    @Benchmark
    public BufferedImage certificateImageThroughZxingWriter() throws WriterException {
        return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(VERIFY_URL, BarcodeFormat.QR_CODE, 240, 240,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2)));
    }
}
