package org.uclg.learning.people;

import java.util.Map;

/** UCLG's regional sections and the World Secretariat. Never "section" alone: that is a part of a module. */
public enum RegionalSection {
    AFRICA("UCLG Africa", "CGLU África", "CGLU Afrique"),
    ASPAC("UCLG Asia-Pacific", "CGLU Asia-Pacífico", "CGLU Asie-Pacifique"),
    EURASIA("UCLG Eurasia", "CGLU Eurasia", "CGLU Eurasie"),
    EUROPE("CEMR – Council of European Municipalities and Regions",
            "CMRE – Consejo de Municipios y Regiones de Europa",
            "CCRE – Conseil des communes et régions d'Europe"),
    LATAM("UCLG Latin America", "CGLU América Latina", "CGLU Amérique latine"),
    MEWA("UCLG Middle East and West Asia", "CGLU Oriente Medio y Asia Occidental", "CGLU Moyen-Orient et Asie de l'Ouest"),
    NORAM("UCLG North America", "CGLU Norteamérica", "CGLU Amérique du Nord"),
    METROPOLIS("Metropolis", "Metropolis", "Metropolis"),
    REGIONS("UCLG Regions (Forum of Regions)", "CGLU Regiones (Foro de Regiones)", "CGLU Régions (Forum des régions)"),
    WORLD("UCLG World Secretariat", "Secretaría Mundial de CGLU", "Secrétariat mondial de CGLU");

    private final Map<String, String> names;

    RegionalSection(String en, String es, String fr) {
        this.names = Map.of("en", en, "es", es, "fr", fr);
    }

    /** The name in one of the working languages; English for any other. */
    public String displayName(String lang) {
        return names.getOrDefault(lang, names.get("en"));
    }
}
