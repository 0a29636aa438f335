import type { PostLanguage } from '@/lib/posts/detect-language';

/**
 * Words a business networking forum uses, per language, most frequent first: the generator
 * draws them with a skew towards the start, so a few words are everywhere and most are rare,
 * as in real text.
 */
export const VOCABULARY: Record<PostLanguage, string[]> = {
  en: `the and to of a in for is we our you with on this that client business referral meeting network introduction thanks partner
    chapter members week project contract company market sales customer service team growth strategy budget event breakfast
    accountant lawyer architect consultant supplier insurance property marketing website design software training finance invoice
    tax payment proposal deadline feedback opportunity recommendation contact visitor speaker presentation agenda minutes quarter
    export import logistics warehouse retail wholesale franchise startup investor funding loan bank mortgage lease office
    recruitment hiring manager director founder owner employee freelance agency studio workshop seminar conference webinar
    newsletter brochure printing photography video branding campaign social media advertising audience conversion pipeline
    negotiation partnership collaboration referral-fee commission testimonial review reputation quality delivery schedule`
    .split(/\s+/),
  fr: `le la les de des et pour est nous notre vous avec sur ce cette client entreprise recommandation réunion réseau présentation merci
    partenaire chapitre membres semaine projet contrat société marché ventes service équipe croissance stratégie budget événement
    petit-déjeuner comptable avocat architecte consultant fournisseur assurance immobilier marketing site conception logiciel formation
    finances facture impôts paiement proposition échéance retour opportunité contact visiteur intervenant ordre compte-rendu trimestre
    exportation importation logistique entrepôt commerce franchise investisseur financement prêt banque bail bureau recrutement
    directeur fondateur salarié indépendant agence atelier séminaire conférence lettre brochure impression photographie vidéo
    marque campagne réseaux publicité audience négociation collaboration commission témoignage réputation qualité livraison calendrier`
    .split(/\s+/),
  ru: `и в на с по для мы наш вы это что клиент бизнес рекомендация встреча сеть знакомство спасибо партнёр клуб участники неделя
    проект договор компания рынок продажи сервис команда рост стратегия бюджет мероприятие завтрак бухгалтер юрист архитектор
    консультант поставщик страхование недвижимость маркетинг сайт дизайн программа обучение финансы счёт налоги оплата предложение
    срок отзыв возможность контакт гость докладчик презентация повестка протокол квартал экспорт импорт логистика склад розница
    опт франшиза стартап инвестор финансирование кредит банк аренда офис подбор директор основатель сотрудник агентство семинар
    конференция вебинар рассылка брошюра типография фотография видео бренд кампания социальных сетей реклама аудитория переговоры
    сотрудничество комиссия репутация качество доставка расписание`
    .split(/\s+/),
  ar: `في من على إلى مع هذا نحن عميل أعمال توصية اجتماع شبكة تعارف شكرا شريك الفرع الأعضاء الأسبوع مشروع عقد شركة السوق المبيعات
    خدمة فريق نمو استراتيجية ميزانية فعالية فطور محاسب محامي مهندس مستشار مورد تأمين عقار تسويق موقع تصميم برنامج تدريب مالية
    فاتورة ضرائب دفع عرض موعد ملاحظات فرصة اتصال زائر متحدث عرض جدول محضر ربع تصدير استيراد لوجستيك مستودع تجزئة جملة امتياز
    ناشئة مستثمر تمويل قرض بنك إيجار مكتب توظيف مدير مؤسس موظف وكالة ورشة ندوة مؤتمر نشرة كتيب طباعة تصوير فيديو علامة حملة
    التواصل الاجتماعي إعلان جمهور تفاوض شراكة تعاون عمولة شهادة سمعة جودة توصيل المدرسة الشركات`
    .split(/\s+/),
  hi: `और के में की से को पर है हम हमारा आप यह ग्राहक व्यापार सिफ़ारिश बैठक नेटवर्क परिचय धन्यवाद साझेदार चैप्टर सदस्य सप्ताह परियोजना
    अनुबंध कंपनी बाज़ार बिक्री सेवा टीम विकास रणनीति बजट कार्यक्रम नाश्ता लेखाकार वकील वास्तुकार सलाहकार आपूर्तिकर्ता बीमा संपत्ति
    विपणन वेबसाइट डिज़ाइन सॉफ़्टवेयर प्रशिक्षण वित्त चालान कर भुगतान प्रस्ताव समयसीमा प्रतिक्रिया अवसर संपर्क अतिथि वक्ता प्रस्तुति
    तिमाही निर्यात आयात लॉजिस्टिक्स गोदाम खुदरा थोक फ्रैंचाइज़ी स्टार्टअप निवेशक वित्तपोषण ऋण बैंक किराया कार्यालय भर्ती निदेशक
    संस्थापक कर्मचारी एजेंसी कार्यशाला संगोष्ठी सम्मेलन पत्रिका छपाई फ़ोटोग्राफ़ी वीडियो ब्रांड अभियान विज्ञापन दर्शक बातचीत सहयोग
    कमीशन प्रशंसा प्रतिष्ठा गुणवत्ता डिलीवरी व्यापारों`
    .split(/\s+/),
};

export const FIRST_NAMES = 'Amina Youssef Salma Hicham Camille Marc Léa Julien Dmitri Olga Ivan Anna Rahul Priya Arjun Ananya John Sarah David Emma Karim Nadia Pierre Sophie Sergei Elena Vikram Meera Omar Layla'.split(' ');
export const LAST_NAMES = 'Haddad Tazi Benali Dubois Martin Lefebvre Volkov Petrova Ivanov Mehta Sharma Patel Smith Johnson Brown Mansour Alaoui Moreau Girard Sokolov Kuznetsova Gupta Iyer Walker Taylor Chraibi Fassi Rousseau Orlov Reddy'.split(' ');
export const PROFESSIONS = 'Accountant Lawyer Architect Consultant Photographer Printer Insurance-broker Real-estate-agent Web-designer Banker Recruiter Notary Translator Caterer Electrician Plumber Coach Developer Marketer Logistician'.split(' ');
export const CITIES = 'Casablanca Paris Lyon Montréal Moscow Mumbai Delhi London Rabat Marseille Bangalore Saint-Petersburg Dubai Toronto Geneva'.split(' ');

/** In about a third of all posts, whatever their language: the "very common word" of the search benchmark. */
export const COMMON_WORD = 'networking';
/** In one post in fifty thousand, spread over the years, and in at least about 20 posts of a smaller forum: the "rare word" of the search benchmark. */
export const RARE_WORD = 'quetzalcoatl';
