import ArticleCore
import Testing

@Test(arguments: [
    ("The city council voted on Monday to build eight kilometres of protected bicycle lanes through the old town.", "en"),
    ("Do ảnh hưởng của áp thấp nhiệt đới, nhiều huyện miền núi của tỉnh Nghệ An đã có mưa to.", "vi"),
    ("Những người dân được hỗ trợ", "vi"),
    ("Der Stadtrat hat am Montag beschlossen, dass die Altstadt neue Radwege bekommt und die Arbeiten im Sommer beginnen.", "de"),
    ("Le conseil municipal a voté lundi pour la construction de pistes cyclables dans la vieille ville.", "fr"),
    ("El ayuntamiento aprobó el lunes la construcción de carriles para bicicletas en el casco antiguo de la ciudad.", "es"),
    ("Городской совет в понедельник одобрил строительство велосипедных дорожек.", "ru"),
    ("市议会周一投票决定在老城区修建自行车道。", "zh"),
])
func detectsLanguage(text: String, language: String) {
    #expect(LanguageDetector.detect(text) == language)
}

@Test func tooLittleTextIsUnknown() {
    #expect(LanguageDetector.detect("") == nil)
    #expect(LanguageDetector.detect("42 — 17") == nil)
}
