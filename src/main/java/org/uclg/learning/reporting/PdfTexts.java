package org.uclg.learning.reporting;

import java.util.Map;

/** The words of the PDF summary in the three working languages. */
final class PdfTexts {
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.ofEntries(
                    Map.entry("title", "Training reach"),
                    Map.entry("all", "All regional sections"),
                    Map.entry("period", "Period:"),
                    Map.entry("asOf", "Figures as of"),
                    Map.entry("enrolled", "Learners enrolled"),
                    Map.entry("active", "Active learners"),
                    Map.entry("completed", "Completed the module"),
                    Map.entry("completionRate", "Completion rate"),
                    Map.entry("certificates", "Certificates issued"),
                    Map.entry("certifiedTrainers", "Certified trainers"),
                    Map.entry("cascadeReach", "Cascade reach"),
                    Map.entry("countries", "Countries"),
                    Map.entry("localGovernments", "Local governments"),
                    Map.entry("byModule", "Completions by module"),
                    Map.entry("trend", "Monthly trend"),
                    Map.entry("legendEnrolled", "enrolled"),
                    Map.entry("legendCompleted", "completed"),
                    Map.entry("none", "No data in this period"),
                    Map.entry("privacy", "Counts of fewer than %d people are shown as %s. No names or personal data."),
                    Map.entry("cascadeNote", "Cascade reach: learners taught by trainers certified through trainer-of-trainers workshops, at any depth.")),
            "es", Map.ofEntries(
                    Map.entry("title", "Alcance de la formación"),
                    Map.entry("all", "Todas las secciones regionales"),
                    Map.entry("period", "Periodo:"),
                    Map.entry("asOf", "Cifras a"),
                    Map.entry("enrolled", "Participantes inscritos"),
                    Map.entry("active", "Participantes activos"),
                    Map.entry("completed", "Finalizaron"),
                    Map.entry("completionRate", "Tasa de finalización"),
                    Map.entry("certificates", "Certificados emitidos"),
                    Map.entry("certifiedTrainers", "Formadores certificados"),
                    Map.entry("cascadeReach", "Alcance en cascada"),
                    Map.entry("countries", "Países"),
                    Map.entry("localGovernments", "Gobiernos locales"),
                    Map.entry("byModule", "Finalizaciones por módulo"),
                    Map.entry("trend", "Evolución mensual"),
                    Map.entry("legendEnrolled", "inscritos"),
                    Map.entry("legendCompleted", "finalizados"),
                    Map.entry("none", "Sin datos en este periodo"),
                    Map.entry("privacy", "Las cifras de menos de %d personas se muestran como %s. Sin nombres ni datos personales."),
                    Map.entry("cascadeNote", "Alcance en cascada: participantes formados por formadores certificados en talleres de formación de formadores, a cualquier nivel.")),
            "fr", Map.ofEntries(
                    Map.entry("title", "Portée des formations"),
                    Map.entry("all", "Toutes les sections régionales"),
                    Map.entry("period", "Période\u00a0:"),
                    Map.entry("asOf", "Chiffres au"),
                    Map.entry("enrolled", "Apprenants inscrits"),
                    Map.entry("active", "Apprenants actifs"),
                    Map.entry("completed", "Ont terminé"),
                    Map.entry("completionRate", "Taux d'achèvement"),
                    Map.entry("certificates", "Certificats délivrés"),
                    Map.entry("certifiedTrainers", "Formateurs certifiés"),
                    Map.entry("cascadeReach", "Portée en cascade"),
                    Map.entry("countries", "Pays"),
                    Map.entry("localGovernments", "Collectivités locales"),
                    Map.entry("byModule", "Achèvements par module"),
                    Map.entry("trend", "Évolution mensuelle"),
                    Map.entry("legendEnrolled", "inscrits"),
                    Map.entry("legendCompleted", "terminés"),
                    Map.entry("none", "Aucune donnée sur cette période"),
                    Map.entry("privacy", "Les effectifs de moins de %d personnes sont affichés « %s ». Aucun nom ni donnée personnelle."),
                    Map.entry("cascadeNote", "Portée en cascade : apprenants formés par des formateurs certifiés en formation de formateurs, à tout niveau.")));

    private PdfTexts() {
    }

    static String text(String lang, String key) {
        return TEXTS.getOrDefault(lang, TEXTS.get("en")).get(key);
    }
}
