package org.uclg.learning.enrollment.roster;

import org.junit.jupiter.api.Test;
import org.uclg.learning.shared.ImportTooLargeException;
import org.uclg.learning.shared.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterCsvTest {

    private static List<RosterCsv.Line> parse(String csv) {
        return RosterCsv.parse(csv.getBytes(StandardCharsets.UTF_8), 10);
    }

    @Test
    void takesTheSeparatorFromTheHeaderIgnoringQuotedOnes() {
        assertEquals(',', RosterCsv.separator("email,full name,country,organization,language\na;b"));
        assertEquals(';', RosterCsv.separator("email;full name;country;organization;language\na,b,c,d,e,f"));
        assertEquals(';', RosterCsv.separator("\"e,mail\";name;country;organization;language"));
    }

    @Test
    void readsColumnsInAnyOrderAndSpellingWithSpreadsheetRowNumbers() {
        List<RosterCsv.Line> lines = parse("Langue;Nom complet;Courriel;Pays;Organisation\r\n\r\nfr;Awa Ndiaye; awa@example.org ;SN;Ville de Dakar\r\n");
        assertEquals(1, lines.size());
        RosterCsv.Line line = lines.get(0);
        assertEquals(3, line.row());
        assertEquals("awa@example.org", line.email());
        assertEquals("Awa Ndiaye", line.fullName());
        assertEquals("Ville de Dakar", line.organization());
        assertEquals("fr", line.language());
    }

    @Test
    void flagsStraySeparatorsAndRejectsFilesItCannotRead() {
        assertTrue(parse("email,full name,country,organization,language\na@b.org,A,SN,Org,fr,extra\n").get(0).extraValues());
        var missing = assertThrows(ValidationException.class, () -> parse("email,name\n"));
        assertTrue(missing.getMessage().contains("country"), missing.getMessage());
        assertThrows(ValidationException.class, () -> parse("email,full name,email,country,organization,language\n"));
        assertThrows(ImportTooLargeException.class, () -> RosterCsv.parse(
                "email,full name,country,organization,language\na,b,c,d,e\na,b,c,d,e\n".getBytes(StandardCharsets.UTF_8), 1));
    }
}
