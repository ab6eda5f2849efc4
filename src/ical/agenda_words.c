/* agenda_words.c: the words that tell an invitation's letter from its
** agenda, in English, French, German, Spanish and Swedish.  See
** agenda_lines.c for how each list is used; all are folded (text_fold:
** lower case, no accents, "ß" as "ss").  A word added here is a row, not
** code.
*/
#include "agenda_words.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Folded starts of lines that video-call tools and calendars add to an
** invitation.  A label matches at the start of a line, followed by the end
** of the line or by something that is not a letter or digit. */
static const char *const noise_labels_words[] = {
	/* Zoom */
	"join zoom meeting", "meeting id", "passcode", "password:", "password :",
	"one tap mobile", "dial by your location", "find your local number",
	"topic:", "time:", "join by sip", "join by h.323", "join by skype",
	"rejoindre la reunion zoom", "id de reunion", "sujet :", "heure :",
	"anslut till zoom-mote", "motes-id", "mote-id", "losenkod", "snabbval mobil",
	"ring efter din plats", "hitta ditt lokala nummer", "amne:", "tid:",
	"zoom-meeting beitreten", "meeting-id", "kenncode", "schnelleinwahl mobil",
	"nach ihrem standort wahlen", "ortseinwahl suchen", "thema:", "zeit:",
	"unirse a la reunion zoom", "id de la reunion", "codigo de acceso",
	"un toque movil", "marcar segun su ubicacion", "encuentre su numero local",
	"tema:", "hora:", "uhrzeit:", "einwahl nach", "movil con un toque", "une seule touche",
	"composez un numero", "participer a la reunion zoom",
	/* Google Meet and Calendar */
	"join with google meet", "join by phone", "or dial", "more phone numbers",
	"learn more about meet", "please do not edit this section",
	"invitation from google calendar", "you are receiving this",
	"forwarding this invitation", "view your event", "reply for",
	"participer avec google meet", "participer par telephone", "ou composer",
	"ou composez", "autres numeros de telephone",
	"merci de ne pas modifier cette section", "invitation de google agenda",
	"vous recevez cet", "transferer cette invitation",
	"mit google meet teilnehmen", "per telefon teilnehmen", "oder wahlen",
	"weitere telefonnummern", "bitte bearbeiten sie diesen abschnitt nicht",
	"einladung von google kalender", "sie erhalten diese",
	"unirse con google meet", "unirse por telefono", "o marca",
	"mas numeros de telefono", "no edites esta seccion",
	"invitacion de google calendar", "has recibido este",
	"delta med google meet", "anslut med google meet", "delta via telefon",
	"eller ring", "fler telefonnummer", "redigera inte det har avsnittet",
	"inbjudan fran google kalender", "du far det har",
	"participer a la reunion google meet", "teilnehmen mit google meet",
	"ansluta med google meet", "anslut via telefon", "las mer om meet",
	"mer information om meet", "weitere informationen zu meet",
	"mas informacion sobre meet",
	/* Microsoft Teams */
	"microsoft teams meeting", "join microsoft teams meeting", "join on your computer",
	"join the meeting", "click here to join", "download teams", "join on the web",
	"learn more |", "meeting options", "or call in", "phone conference id",
	"find a local number", "reset pin", "or join by entering a meeting id",
	"join with a video conferencing device", "video conference id",
	"alternate vtc instructions", "microsoft teams need help", "system reference",
	"join the meeting now", "join on a video conferencing device", "video id",
	"tenant key", "dial in by phone", "org help |",
	"reunion microsoft teams", "participer a partir de", "rejoindre la reunion",
	"cliquez ici pour rejoindre", "code secret", "mot de passe",
	"telecharger teams", "rejoindre sur le web", "en savoir plus", "options de reunion",
	"ou appelez", "id de conference telephonique", "trouver un numero local",
	"ou rejoignez en entrant", "need help", "for organizers", "besoin d'aide",
	"pour les organisateurs",
	"microsoft teams-mote", "anslut pa datorn", "klicka har for att ansluta",
	"losenord", "ladda ned teams", "anslut pa webben", "eller ring in",
	"telefonkonferens-id", "hitta ett lokalt nummer", "aterstall pin", "las mer |",
	"motesalternativ", "behover du hjalp", "eller anslut genom att ange",
	"microsoft teams-besprechung", "nehmen sie von ihrem computer",
	"teams herunterladen", "rejoindre sur votre ordinateur", "cliquez ici pour participer",
	"reinitialiser le code",
	"klicken sie hier", "besprechungs-id", "laden sie teams herunter",
	"im web teilnehmen", "oder rufen sie an", "telefonkonferenz-id",
	"lokale nummer suchen", "pin zurucksetzen", "weitere informationen |",
	"besprechungsoptionen", "benotigen sie hilfe", "oder nehmen sie teil",
	"reunion de microsoft teams", "unase a traves", "haga clic aqui para unirse",
	"descargar teams", "unirse en la web", "o llame", "id. de conferencia", "id. de reunion",
	"buscar un numero local", "restablecer pin", "mas informacion |",
	"opciones de reunion", "necesita ayuda", "o unase escribiendo",
	/* Webex */
	"join webex meeting", "join the webex meeting", "meeting number", "access code",
	"join from the meeting link", "join by meeting number",
	"meeting password", "tap to join", "join from a video system",
	"join using microsoft lync", "you can also dial", "if you are a host",
	"some mobile devices", "global call-in numbers", "toll-free calling",
	"can't join the meeting", "host key", "when it's time, join",
	"participer a la reunion webex", "numero de la reunion", "numero de reunion",
	"mot de passe de la reunion", "vous pouvez aussi composer",
	"webex-meeting beitreten", "meeting-nummer", "meeting-kennnummer",
	"zugriffscode", "meeting-passwort", "uber telefon beitreten", "tippen sie",
	"uber videosystem", "sie konnen auch", "wenn sie der gastgeber",
	"wenn es soweit ist", "globale einwahlnummern",
	"unirse a la reunion de webex", "contrasena de la reunion",
	"tambien puede marcar", "si es el organizador",
	"anslut till webex-mote", "motesnummer", "du kan ocksa ringa",
	/* Any */
	"pin:", "pin :", "dial-in", "dial in", "call-in", "conference id",
	"dial-in by phone",
	"meeting link", "join link", "join here", "join online",
	"lien de la reunion", "besprechungslink", "enlace de la reunion", "moteslank",
	/* The headers of a forwarded mail */
	"from:", "sent:", "to:", "cc:", "subject:", "date:", "de :", "envoye :", "a :",
	"objet :", "von:", "gesendet:", "an:", "betreff:", "de:", "enviado el:", "para:",
	"asunto:", "fran:", "skickat:", "till:", "kopia:", "amne:",
};
const struct wordlist agenda_noise_labels = { noise_labels_words, COUNT(noise_labels_words) };

/* Folded fragments that mark a noise line wherever they appear. */
static const char *const noise_fragments_words[] = {
	"://", "www.", "mailto:", "is inviting you to", "vous invite a",
	"bjuder in dig", "ladt sie zu", "esta invitando", "le invita a",
	"do not delete or change", "loschen oder andern sie",
	"no elimine ni modifique", "ne supprimez pas et ne modifiez pas",
	"webex meeting", "webex-meeting", "reunion de webex", "reunion webex",
	"webex-mote", "zoom meeting", "zoom-meeting", "zoom-mote", "reunion zoom",
	"reunion de zoom",
	/* A mailer's own lines */
	"original message", "message d'origine", "ursprungliche nachricht",
	"mensaje original", "ursprungligt meddelande", "sent from my", "envoye de mon",
	"von meinem", "enviado desde mi", "skickat fran min",
};
const struct wordlist agenda_noise_fragments = { noise_fragments_words, COUNT(noise_fragments_words) };

/* Folded headings of an agenda: "Agenda" alone heads a list. */
static const char *const agenda_headings_words[] = {
	"agenda", "ordre du jour", "dagordning", "tagesordnung", "orden del dia",
	"programme", "programm", "program", "punkte", "points",
};
const struct wordlist agenda_headings = { agenda_headings_words, COUNT(agenda_headings_words) };

/* Folded lines that are noise when alone: "More info" ends Teams' block,
** "More info on pricing" is agenda. */
static const char *const alone_words[] = {
	"more info", "more ways to join", "privacy and security", "plus d'informations",
	"mer information", "mas informacion",
};
const struct wordlist agenda_alone = { alone_words, COUNT(alone_words) };

/* Folded words that open a greeting ("Hi all", "Hej Alice,").  A line of
** a few words starting with one is a greeting. */
static const char *const greetings_words[] = {
	"hi", "hey", "hello", "hiya", "dear", "good morning", "good afternoon",
	"good evening", "greetings",
	"bonjour", "bonsoir", "salut", "coucou", "cher", "chere", "chers", "cheres",
	"madame", "monsieur",
	"hallo", "guten morgen", "guten tag", "moin", "servus", "liebe", "lieber",
	"sehr geehrte", "sehr geehrter",
	"hola", "buenos dias", "buenas tardes", "buenas", "estimado", "estimada",
	"estimados", "estimadas", "querido", "querida", "queridos",
	"hej", "hejsan", "halla", "hei", "tjena", "tja", "god morgon",
	"goddag",
};
const struct wordlist agenda_greetings = { greetings_words, COUNT(greetings_words) };

static const struct closing closing_list[] = {
	{ "best regards", true }, { "kind regards", true }, { "warm regards", true },
	{ "regards", true }, { "best wishes", true }, { "all the best", true },
	{ "best", false }, { "cheers", false }, { "sincerely", true },
	{ "yours sincerely", true }, { "yours truly", true }, { "talk soon", false },
	{ "speak soon", false }, { "see you soon", false }, { "see you", false },
	{ "see you then", false }, { "see you there", false }, { "br", true },
	{ "brgds", true }, { "rgds", true }, { "kr", false },
	{ "cordialement", true }, { "bien cordialement", true },
	{ "tres cordialement", true }, { "bien a vous", true }, { "bien a toi", true },
	{ "salutations", true }, { "meilleures salutations", true },
	{ "sinceres salutations", true }, { "bonne journee", true },
	{ "bonne soiree", true }, { "belle journee", true }, { "a bientot", true },
	{ "amicalement", true }, { "bien amicalement", true }, { "au plaisir", false },
	{ "med vanliga halsningar", true }, { "vanliga halsningar", true },
	{ "med vanlig halsning", true }, { "vanlig halsning", true },
	{ "basta halsningar", true }, { "halsningar", true }, { "halsning", true },
	{ "mvh", true }, { "vh", true }, { "ha det bra", false },
	{ "trevlig helg", false }, { "vi hors", false }, { "vi ses", false },
	{ "mit freundlichen grussen", true }, { "mit freundlichem gruss", true },
	{ "freundliche grusse", true }, { "mit besten grussen", true },
	{ "viele grusse", true }, { "beste grusse", true }, { "liebe grusse", true },
	{ "herzliche grusse", true }, { "schone grusse", true }, { "grusse", true },
	{ "gruss", true }, { "mfg", true }, { "lg", true }, { "vg", true },
	{ "bis bald", false }, { "bis dann", false },
	{ "saludos", true }, { "un saludo", true }, { "saludos cordiales", true },
	{ "un cordial saludo", true }, { "reciba un cordial saludo", true },
	{ "atentamente", true }, { "cordialmente", true }, { "un abrazo", true },
	{ "abrazos", true }, { "hasta pronto", false }, { "nos vemos", false }, { "muchos saludos", true },
};
const struct closings agenda_closings = { closing_list, COUNT(closing_list) };

/* Folded thanks.  Alone, with filler words ("Thanks again", "Merci à
** tous") or a comma and a name, a thanks ends the letter; followed by
** what is thanked for ("Thanks for joining") it is courtesy; followed by
** anything else ("Thanks and recognition for the team") it is agenda. */
static const char *const thanks_words[] = {
	"thanks", "thank you", "many thanks", "thx", "ty",
	"merci", "merci beaucoup", "grand merci",
	"danke", "vielen dank", "herzlichen dank", "besten dank", "danke schon",
	"gracias", "muchas gracias", "mil gracias",
	"tack", "tusen tack", "stort tack", "tackar",
};
const struct wordlist agenda_thanks = { thanks_words, COUNT(thanks_words) };
static const char *const thanks_fillers_words[] = {
	"a", "lot", "again", "all", "everyone", "everybody", "you", "very", "much",
	"so", "in", "advance", "team", "beaucoup", "tous", "toutes", "d'avance",
	"par", "avance", "encore", "schon", "sehr", "im", "voraus", "euch", "allen",
	"nochmals", "todos", "de", "antemano", "nuevo", "sa", "mycket", "pa",
	"forhand", "alla", "er", "igen",
};
const struct wordlist agenda_thanks_fillers = { thanks_fillers_words, COUNT(thanks_fillers_words) };
static const char *const thanks_for_words[] = {
	"for", "pour", "de", "d'", "fur", "por", "att",
};
const struct wordlist agenda_thanks_for = { thanks_for_words, COUNT(thanks_for_words) };

/* Folded starts of courtesy sentences, never agenda. */
static const char *const courtesy_words[] = {
	"looking forward", "i look forward", "we look forward", "look forward",
	"hope you", "i hope", "we hope", "hope this", "hope all", "let me know",
	"please let me know", "feel free", "please find", "please see", "see below",
	"talk to you", "please confirm", "please accept", "apologies",
	"sorry for",
	"au plaisir", "j'espere", "nous esperons", "n'hesitez pas", "veuillez trouver",
	"vous trouverez", "je vous remercie", "nous vous remercions", "a tres vite",
	"ich freue mich", "freue mich", "wir freuen uns", "ich hoffe", "wir hoffen",
	"anbei", "bitte bestatigen", "bei fragen", "melden sie sich", "melde dich",
	"espero que", "esperamos que", "no dude", "no dudes", "no dudeis", "no duden",
	"quedo a", "quedamos a", "adjunto",
	"hoppas", "ser fram emot", "hor av dig", "hor garna av dig",
	"tveka inte", "se nedan", "bifogar",
};
const struct wordlist agenda_courtesy = { courtesy_words, COUNT(courtesy_words) };

/* Folded headings that open a legal disclaimer. */
static const char *const legal_headings_words[] = {
	"disclaimer", "confidentiality notice", "confidentiality", "legal notice",
	"avis de confidentialite", "avertissement", "clause de confidentialite",
	"mentions legales", "haftungsausschluss", "vertraulichkeitshinweis",
	"rechtlicher hinweis", "aviso legal", "aviso de confidencialidad",
	"clausula de confidencialidad", "ansvarsfriskrivning", "sekretessmeddelande",
	"konfidentialitet",
};
const struct wordlist agenda_legal_headings = { legal_headings_words, COUNT(legal_headings_words) };

/* A long sentence naming a message and something legal about it starts a
** disclaimer; so does one about personal data and its processing. */
static const char *const legal_subjects_words[] = {
	"mail", "message", "meddelande", "e-post", "nachricht", "correo", "mensaje",
	"courriel", "communication", "kommunikation", "attachment", "bilag",
	"pieces jointes", "anhang", "anhange", "adjunto",
};
const struct wordlist agenda_legal_subjects = { legal_subjects_words, COUNT(legal_subjects_words) };
static const char *const legal_terms_words[] = {
	"confidential", "konfidentiell", "confidentiel", "vertraulich", "confidencial",
	"privileged", "intended recipient", "intended only", "intended solely",
	"destinataire", "empfanger", "adressat", "destinatario", "mottagare",
	"prohibited", "interdit", "verboten", "prohibid", "forbjud", "unauthori",
	"sekretess", "legally", "juridiquement", "rechtlich", "legalmente",
};
const struct wordlist agenda_legal_terms = { legal_terms_words, COUNT(legal_terms_words) };
static const char *const data_subjects_words[] = {
	"your personal data", "dina personuppgifter", "vos donnees personnelles",
	"vos donnees a caractere personnel", "ihre personenbezogenen", "ihrer personenbezogenen",
	"sus datos personales", "tus datos personales",
};
const struct wordlist agenda_data_subjects = { data_subjects_words, COUNT(data_subjects_words) };
static const char *const data_terms_words[] = {
	"process", "behandl", "trait", "verarbeit", "tratamos", "tratamiento",
	"gdpr", "rgpd", "dsgvo",
};
const struct wordlist agenda_data_terms = { data_terms_words, COUNT(data_terms_words) };
/* Footers that end a signature: "Please consider the environment...". */
static const char *const print_notes_words[] = {
	"consider the environment", "think before you print", "tank pa miljon",
	"pensez a l'environnement", "denken sie an die umwelt",
	"medio ambiente antes de imprimir",
};
const struct wordlist agenda_print_notes = { print_notes_words, COUNT(print_notes_words) };

/* Folded labels of a phone number.  One letter ("M:", "T:") needs its
** colon; a word may go without ("Mobile 070-123 45 67"). */
static const char *const phone_labels_words[] = {
	"telephone", "telefono", "telefon", "tel", "tfn", "phone", "mobile", "mobil",
	"mob", "cell", "handy", "fax", "portable", "movil", "celular", "vaxel",
	"direkt", "direct", "switchboard", "office", "standard", "zentrale",
};
const struct wordlist agenda_phone_labels = { phone_labels_words, COUNT(phone_labels_words) };

/* Folded job titles, alone on a line or before a separator ("Project
** Manager | Contoso", "Chef de projet chez Acme"). */
static const char *const job_titles_words[] = {
	"project manager", "senior project manager", "program manager",
	"programme manager", "product manager", "account manager",
	"key account manager", "delivery manager", "engineering manager",
	"sales manager", "office manager", "managing director", "product owner",
	"scrum master", "consultant", "senior consultant", "ceo", "cto", "cfo", "coo",
	"founder", "co-founder", "partner",
	"chef de projet", "cheffe de projet", "directeur general", "directrice generale",
	"directeur de projet", "directrice de projet", "responsable de projet",
	"charge de projet", "chargee de projet", "consultante", "fondateur", "fondatrice",
	"projektleiter", "projektleiterin", "projektmanager", "projektmanagerin",
	"geschaftsfuhrer", "geschaftsfuhrerin", "berater", "beraterin",
	"jefe de proyecto", "jefa de proyecto", "director general", "directora general",
	"director de proyecto", "directora de proyecto", "consultor", "consultora",
	"gerente de proyecto", "gerente",
	"projektledare", "seniorkonsult", "konsult", "vd", "verkstallande direktor",
	"kundansvarig", "saljchef", "grundare",
};
const struct wordlist agenda_job_titles = { job_titles_words, COUNT(job_titles_words) };
/* What may follow a job title: an organisation after one of these. */
static const char *const title_links_words[] = {
	",", "|", "/", "-", "\xE2\x80\x93", "at ", "@ ", "pa ", "chez ", "bei ", "en ",
};
const struct wordlist agenda_title_links = { title_links_words, COUNT(title_links_words) };

/* Folded street words: whole words ("12 rue de la Paix", "Calle Mayor 10",
** "1 Main Street") and endings of compounds ("Storgatan 1",
** "Hauptstraße 5"). */
static const char *const street_words_words[] = {
	"rue", "avenue", "av.", "boulevard", "bd", "allee", "chemin", "impasse", "quai",
	"calle", "c/", "avenida", "avda.", "plaza", "paseo", "carrer",
	"street", "st", "st.", "road", "rd", "rd.", "ave", "lane", "drive", "blvd",
};
const struct wordlist agenda_street_words = { street_words_words, COUNT(street_words_words) };
static const char *const street_endings_words[] = {
	"gatan", "vagen", "gata", "vag", "grand", "torget", "backe", "strasse", "str.",
	"weg", "allee", "platz", "gasse", "damm",
};
const struct wordlist agenda_street_endings = { street_endings_words, COUNT(street_endings_words) };
static const char *const post_boxes_words[] = {
	"box", "postfach", "p.o. box", "po box", "bp", "apartado", "case postale",
};
const struct wordlist agenda_post_boxes = { post_boxes_words, COUNT(post_boxes_words) };

/* Top-level domains a bare host name ends with ("acme.se", "zoom.us"). */
static const char *const domains_words[] = {
	"com", "net", "org", "io", "se", "fr", "de", "es", "eu", "us", "uk", "co",
	"ch", "at", "be", "nl", "no", "dk", "fi", "info", "biz", "app", "dev", "gov",
	"edu", "it", "pt", "ie", "ca", "ms", "me", "ly", "gl", "nu", "cat",
};
const struct wordlist agenda_domains = { domains_words, COUNT(domains_words) };

/* Abbreviations a sentence does not end at ("e.g. the API", "Dr. Smith"). */
static const char *const abbreviations_words[] = {
	"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "vs", "cf", "mme", "no",
	"nr", "z.b", "bzw", "ca", "inkl", "sr", "sra", "dvs", "bl.a", "t.ex", "p.ex",
};
const struct wordlist agenda_abbreviations = { abbreviations_words, COUNT(abbreviations_words) };

/* What may follow a sign-off besides a name ("Saludos a todos", "Beste
** Grüße aus Berlin"): words that link to a name, and everyone. */
static const char *const name_links_words[] = {
	"from", "fran", "fr\xC3\xA5n", "aus", "von", "de", "desde", "a", "\xC3\xA0", "to", "till",
	"an", "du",
};
const struct wordlist agenda_name_links = { name_links_words, COUNT(name_links_words) };
static const char *const name_everyone_words[] = {
	"all", "everyone", "todos", "todas", "tous", "toutes", "alla", "allen", "alle",
};
const struct wordlist agenda_name_everyone = { name_everyone_words,
					       COUNT(name_everyone_words) };
