package org.uclg.learning.catalog.content;

import org.uclg.learning.catalog.SectionKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One module as authored in course-content/, before it reaches the database. */
public record ModuleContent(String code, String track, int number, int version, List<String> partners,
                     Map<String, String> title, Map<String, String> summary, List<SectionContent> sections) {

    public record SectionContent(String key, int position, SectionKind kind, int minutes, boolean required,
                          Map<String, String> title, Map<String, String> summary, Map<String, String> body) {

        public String hash() {
            return sha256(key + '\u0000' + position + '\u0000' + kind + '\u0000' + minutes + '\u0000' + required
                    + '\u0000' + new TreeMap<>(title) + '\u0000' + new TreeMap<>(summary) + '\u0000' + new TreeMap<>(body));
        }
    }

    /** Changes whenever anything of the module or its sections changes; an equal hash means nothing to write. */
    public String hash() {
        StringBuilder sb = new StringBuilder()
                .append(code).append('\u0000').append(track).append('\u0000').append(number).append('\u0000')
                .append(version).append('\u0000').append(partners).append('\u0000')
                .append(new TreeMap<>(title)).append('\u0000').append(new TreeMap<>(summary));
        for (SectionContent s : sections) {
            sb.append('\u0000').append(s.hash());
        }
        return sha256(sb.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
