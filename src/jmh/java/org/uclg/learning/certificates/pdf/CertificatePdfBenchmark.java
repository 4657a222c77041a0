package org.uclg.learning.certificates.pdf;

import org.uclg.learning.certificates.CertificateKind;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One certificate rendered in a warm JVM (fonts parsed once per thread, as in the service), a
 * name in each kind of script: Latin, right-to-left joined, Indic conjuncts, Thai marks, Hangul, Han;
 * with a credential of a real one's size as its associated file.
 * Run: {@code ./mvnw -Pbench -DskipTests package exec:exec}. Not part of {@code ./mvnw verify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificatePdfBenchmark {
    @Param({"Nguyễn Thị Minh Khai", "محمد بن راشد", "अनुष्का शर्मा", "สมชาย ใจดี", "김민준", "李小龙"})
    public String name;

    private CertificatePdf pdf;
    private PrintedCertificate certificate;
    /** As long as a real signed credential (about 1.9 KB); its content does not matter here. */
    private final String credential = "eyJhbGciOiJFZERTQSJ9." + "eyJuYW1lIjoiQ2VydGlmaWNhdGUifQ".repeat(60) + ".c2lnbmF0dXJl";

    @Setup
    public void setUp() {
        pdf = new CertificatePdf();
        certificate = new PrintedCertificate("7KQ4M2XD9HRTWP3C", CertificateKind.MODULE_COMPLETION, name, "RES-1", 1,
                "Fondamentaux de la gouvernance et du développement résilients", "Résilience I – Dakar 2027", "fr", 6,
                LocalDate.of(2027, 3, 14), "CGLU Afrique", List.of("UN-Habitat", "UNDRR"), Instant.parse("2027-03-14T10:15:30Z"),
                "https://learning.uclg.org/verify/7KQ4-M2XD-9HRT-WP3C");
        System.out.println("\nPDF size for " + name + ": " + pdf.render(certificate, credential).length + " bytes");
    }

    @Benchmark
    public byte[] render() {
        return pdf.render(certificate, credential);
    }
}
