/* seed_words.h: the words bench/seed writes notes with, for seed.c only.
**
** Two vocabularies, English and French, each ranked from the most
** frequent word down as a PM's notes use them: function words and the
** words of the trade at the top, the long tail below.  seed.c draws from
** them by Zipf's law (see vocab_build there), and grows each tail
** with the words people add to a vocabulary over ten years: typos of the
** ranked words, product and place names, numbers, ticket keys.  Names of
** people, companies and places, and the templates of personal facts, are
** here too.  Written for this bench; nothing here is taken from elsewhere.
*/
#ifndef BENCH_SEED_WORDS_H
#define BENCH_SEED_WORDS_H

static const char *const en_words[] = {
	"the", "to", "a", "and", "of", "for", "on", "in", "is", "we", "they", "with", "it",
	"that", "be", "by", "need", "not", "this", "will", "have", "are", "at", "from", "team",
	"can", "next", "week", "plan", "client", "want", "should", "more", "about", "all",
	"but", "their", "new", "our", "budget", "date", "before", "if", "want", "as", "still",
	"data", "timeline", "project", "out", "up", "so", "would", "no", "one", "was", "has",
	"do", "after", "them", "release", "sprint", "meeting", "review", "scope", "test",
	"first", "end", "report", "two", "March", "April", "May", "June", "soon", "quickly",
	"better", "simple", "cheap", "ASAP", "big", "risk", "delay", "approve", "sign",
	"contract", "invoice", "price", "cost", "users", "dashboard", "export", "Excel", "API",
	"access", "login", "security", "vendor", "launch", "pilot", "rollout", "migration",
	"training", "support", "sales", "marketing", "legal", "finance", "IT", "board",
	"manager", "director", "CFO", "CTO", "sponsor", "lead", "owner", "feedback", "issue",
	"bug", "fix", "feature", "request", "change", "version", "update", "deploy", "server",
	"cloud", "hosting", "backup", "integration", "import", "sync", "mobile", "app", "web",
	"portal", "screen", "page", "form", "field", "workflow", "process", "step", "phase",
	"milestone", "deadline", "Q1", "Q2", "Q3", "Q4", "month", "year", "day", "Monday",
	"Tuesday", "Wednesday", "Thursday", "Friday", "tomorrow", "today", "yesterday",
	"last", "again", "already", "maybe", "probably", "really", "very", "too", "much",
	"many", "some", "any", "other", "same", "own", "each", "every", "only", "also",
	"just", "now", "then", "there", "here", "when", "what", "who", "how", "why", "which",
	"where", "could", "may", "might", "must", "get", "got", "make", "made", "take",
	"send", "sent", "call", "called", "ask", "asked", "said", "says", "think", "thinks",
	"know", "see", "look", "looks", "keep", "move", "moved", "start", "started", "finish",
	"done", "ready", "late", "early", "on-time", "slip", "slipped", "blocked", "waiting",
	"pending", "agreed", "agree", "decided", "confirm", "confirmed", "check", "discuss",
	"share", "show", "demo", "prototype", "mockup", "design", "spec", "requirements",
	"estimate", "quote", "proposal", "offer", "discount", "renewal", "licence", "seats",
	"volume", "growth", "revenue", "margin", "headcount", "hire", "hiring", "resource",
	"capacity", "priority", "backlog", "roadmap", "strategy", "goal", "target", "KPI",
	"metrics", "numbers", "figures", "forecast", "spreadsheet", "slides", "deck",
	"document", "email", "thread", "ticket", "Jira", "Slack", "Teams", "SharePoint",
	"Salesforce", "SAP", "SSO", "GDPR", "audit", "compliance", "policy", "procurement",
	"purchase", "order", "PO", "payment", "overdue", "terms", "SLA", "uptime", "outage",
	"incident", "performance", "slow", "fast", "load", "traffic", "peak", "holiday",
	"season", "Christmas", "summer", "winter", "office", "site", "warehouse", "store",
	"shop", "region", "country", "Europe", "UK", "US", "Germany", "Spain", "customers",
	"partners", "suppliers", "stakeholders", "people", "staff", "colleagues", "boss",
	"happy", "unhappy", "worried", "concerned", "frustrated", "pleased", "impressed",
	"surprised", "nervous", "tight", "tough", "hard", "easy", "clear", "unclear", "open",
	"closed", "option", "options", "choice", "alternative", "trade-off", "compromise",
	"phased", "gradual", "full", "partial", "small", "large", "huge", "minor", "major",
	"critical", "urgent", "important", "nice-to-have", "must-have", "blocker", "problem",
	"solution", "answer", "question", "idea", "point", "topic", "item", "agenda", "notes",
	"minutes", "recap", "summary", "follow-up", "action", "decision", "next-steps",
	"kickoff", "steering", "workshop", "retro", "standup", "onboarding", "handover",
	"go-live", "cutover", "freeze", "UAT", "QA", "staging", "production", "environment",
	"database", "reporting", "analytics", "BI", "Power", "Tableau", "CSV", "PDF", "file",
	"files", "folder", "template", "format", "language", "French", "English", "translation",
	"label", "wording", "copy", "brand", "logo", "colours", "accessibility", "WCAG",
	"browser", "Chrome", "Safari", "iPhone", "Android", "tablet", "laptop", "printer",
	"network", "VPN", "firewall", "password", "reset", "role", "roles", "permissions",
	"admin", "account", "accounts", "tenant", "instance", "licence-key", "invoice-run",
	"pricing", "tier", "plan-B", "fallback", "rollback", "hotfix", "patch", "regression",
	"coverage", "automation", "script", "batch", "nightly", "weekly", "monthly", "yearly",
	"quarter", "half", "H2", "FY", "budget-line", "approval", "sign-off", "signature",
	"lawyer", "NDA", "amendment", "clause", "penalty", "credit", "refund", "churn",
	"retention", "NPS", "survey", "interview", "persona", "journey", "pain", "win",
	"quick-win", "low-hanging", "momentum", "visibility", "transparency", "trust",
	"relationship", "expectation", "expectations", "promise", "commitment", "escalate",
	"escalation", "complaint", "praise", "thanks", "sorry", "apologised", "joked",
	"laughed", "mentioned", "hinted", "insisted", "repeated", "pushed", "pushback",
	"resistance", "politics", "reorg", "reorganised", "merger", "acquisition", "layoffs",
	"freeze-on-hiring", "new-boss", "promotion", "leaving", "joined", "replaced",
	"interim", "contractor", "agency", "consultant", "offshore", "nearshore", "India",
	"Poland", "Portugal", "timezone", "overlap", "travel", "visit", "trip", "conference",
};

static const char *const fr_words[] = {
	"le", "de", "la", "les", "des", "et", "à", "un", "une", "pour", "en", "du", "que",
	"est", "pas", "on", "il", "ils", "elle", "sur", "avec", "dans", "au", "nous", "ce",
	"qui", "par", "plus", "ne", "sont", "se", "leur", "mais", "équipe", "client",
	"budget", "planning", "projet", "date", "semaine", "prochaine", "besoin", "veut",
	"faut", "doit", "avant", "après", "encore", "déjà", "tout", "tous", "très", "trop",
	"bien", "fait", "faire", "être", "avoir", "a", "ont", "sera", "peut", "pourrait",
	"réunion", "point", "comité", "pilotage", "livraison", "recette", "mise", "production",
	"données", "sécurité", "calendrier", "étapes", "jalon", "échéance", "délai", "retard",
	"risque", "bientôt", "rapidement", "vite", "simple", "mieux", "moins", "cher",
	"coût", "prix", "devis", "facture", "contrat", "avenant", "bon", "commande",
	"paiement", "relance", "utilisateurs", "tableau", "bord", "export", "Excel", "API",
	"accès", "connexion", "mot", "passe", "fournisseur", "lancement", "pilote",
	"déploiement", "migration", "formation", "support", "ventes", "marketing",
	"juridique", "finance", "DSI", "direction", "directeur", "directrice", "DAF",
	"responsable", "chef", "sponsor", "retour", "retours", "problème", "anomalie",
	"correctif", "fonctionnalité", "demande", "évolution", "version", "mise-à-jour",
	"serveur", "hébergement", "sauvegarde", "intégration", "import", "synchro",
	"mobile", "appli", "site", "portail", "écran", "page", "formulaire", "champ",
	"processus", "étape", "phase", "lot", "T1", "T2", "T3", "T4", "mois", "année",
	"jour", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "demain", "aujourd'hui",
	"hier", "dernier", "dernière", "nouveau", "nouvelle", "peut-être", "sans", "doute",
	"vraiment", "beaucoup", "peu", "quelques", "autre", "autres", "même", "chaque",
	"seulement", "aussi", "juste", "maintenant", "ensuite", "quand", "quoi", "comment",
	"pourquoi", "où", "envoyer", "envoyé", "appeler", "appelé", "demander", "demandé",
	"dit", "pense", "sait", "voir", "regarder", "garder", "décaler", "décalé",
	"commencer", "commencé", "terminer", "terminé", "prêt", "tard", "tôt", "glisse",
	"bloqué", "attente", "validé", "valider", "décidé", "confirmer", "confirmé",
	"vérifier", "discuter", "partager", "montrer", "démo", "maquette", "prototype",
	"conception", "cahier", "charges", "spécifications", "chiffrage", "estimation",
	"proposition", "offre", "remise", "renouvellement", "licence", "licences",
	"volume", "croissance", "chiffre", "affaires", "marge", "effectif", "recrutement",
	"ressources", "charge", "priorité", "priorités", "feuille", "route", "stratégie",
	"objectif", "objectifs", "indicateurs", "chiffres", "prévisions", "présentation",
	"document", "mail", "courriel", "ticket", "Teams", "SharePoint", "SAP", "RGPD",
	"audit", "conformité", "politique", "achats", "bon-de-commande", "règlement",
	"échu", "conditions", "disponibilité", "panne", "incident", "performance", "lent",
	"rapide", "pic", "vacances", "saison", "Noël", "été", "hiver", "rentrée",
	"bureau", "entrepôt", "magasin", "agence", "région", "France", "Belgique",
	"Suisse", "Québec", "clients", "partenaires", "prestataires", "interlocuteurs",
	"collègues", "content", "contente", "mécontent", "inquiet", "inquiète",
	"préoccupé", "frustré", "satisfait", "rassuré", "surpris", "tendu", "serré",
	"difficile", "facile", "clair", "flou", "ouvert", "fermé", "option", "options",
	"choix", "alternative", "compromis", "progressif", "progressive", "complet",
	"partiel", "petit", "grand", "énorme", "mineur", "majeur", "critique", "urgent",
	"important", "bloquant", "solution", "réponse", "question", "idée", "sujet",
	"ordre", "jour", "compte-rendu", "synthèse", "relevé", "décisions", "actions",
	"suite", "atelier", "rétro", "démarrage", "passation", "bascule", "gel", "préprod",
	"environnement", "base", "reporting", "statistiques", "fichier", "fichiers",
	"dossier", "modèle", "langue", "français", "anglais", "traduction", "libellé",
	"libellés", "charte", "logo", "couleurs", "accessibilité", "RGAA", "navigateur",
	"réseau", "pare-feu", "réinitialiser", "rôle", "rôles", "droits", "administrateur",
	"compte", "comptes", "tarif", "tarifs", "plan", "secours", "retour-arrière",
	"régression", "automatisation", "script", "traitement", "nuit", "hebdo", "mensuel",
	"annuel", "trimestre", "semestre", "exercice", "ligne", "budgétaire", "validation",
	"signature", "signé", "avocat", "clause", "pénalité", "pénalités", "avoir-client",
	"remboursement", "fidélisation", "enquête", "entretien", "parcours", "irritant",
	"gain", "visibilité", "transparence", "confiance", "relation", "attentes",
	"promesse", "engagement", "escalader", "escalade", "réclamation", "remerciements",
	"désolé", "excuses", "plaisanté", "ri", "mentionné", "insisté", "répété", "poussé",
	"résistance", "réorganisation", "réorganisé", "fusion", "rachat", "départ",
	"arrivée", "remplacé", "intérim", "sous-traitant", "consultant", "offshore",
	"Maroc", "Tunisie", "Roumanie", "décalage", "horaire", "déplacement", "visite",
	"salon", "séminaire", "déjeuner", "café", "Lefèvre", "Bérard", "coordonnées",
	"préavis", "résiliation", "reconduction", "tacite", "TVA", "HT", "TTC", "acompte",
	"solde", "échéancier", "jours", "ouvrés", "astreinte", "maintenance", "TMA",
	"recette-utilisateur", "PV", "réserves", "levée", "garantie", "périmètre",
	"hors", "forfait", "régie", "jour-homme", "avance", "rythme", "cadence",
};

/* Syllables the names of products, places and people's projects are made
** of, for each tail; the French ones carry accents. */
static const char *const en_syllables[] = {
	"an", "bel", "cor", "dex", "el", "far", "gan", "hol", "ix", "jo", "kel", "lin",
	"mor", "nex", "or", "pax", "quin", "ros", "sta", "tor", "ul", "ver", "wyn", "zen",
};
static const char *const fr_syllables[] = {
	"bé", "cha", "dé", "fon", "gè", "lou", "mè", "nau", "pré", "quê", "ré", "sé",
	"tré", "vî", "zé", "an", "el", "ou", "ier", "elle", "ard", "ois", "ac", "ine",
};

static const char *const en_first[] = {
	"Sarah", "James", "Priya", "Tom", "Aiko", "Emma", "Oliver", "Grace", "Daniel", "Chloe",
	"Ravi", "Megan", "Lucas", "Hannah", "Sam", "Olivia", "Noah", "Zoë", "Ben", "Nadia",
	"Kevin", "Laura", "Omar", "Jess", "Martin", "Lily", "Hugo", "Ana", "Peter", "Yuki",
};
static const char *const fr_first[] = {
	"Hélène", "François", "Jérôme", "Chloé", "Agnès", "Loïc", "Amélie", "Benoît",
	"Gaëlle", "Zoé", "Marc", "Céline", "Stéphane", "Mathilde", "Noël", "Anaïs",
	"Frédéric", "Élodie", "Rémi", "Inès", "Thierry", "Léa", "Joël", "Maëlle", "Yves",
	"Sébastien", "Aurélie", "Hervé", "Bérénice", "Gaël",
};
static const char *const en_last[] = {
	"Smith", "Patel", "Brown", "Nakamura", "Wilson", "O'Neill", "García", "Müller",
	"Taylor", "Khan", "Evans", "Novak", "Clarke", "Rossi", "Murphy", "Jensen",
};
static const char *const fr_last[] = {
	"Lefèvre", "Dupré", "Bérard", "Martin", "Moreau", "Lemaître", "Gauthier", "Faure",
	"Rousseau", "Chevalier", "Mercier", "Blanchard", "Garnier", "Perrault", "Giraud",
	"Boucher",
};
static const char *const en_roles[] = {
	"sponsor", "CFO", "project lead", "IT manager", "head of sales", "product owner",
	"procurement", "CTO", "operations", "assistant",
};
static const char *const fr_roles[] = {
	"sponsor", "DAF", "chef de projet", "DSI", "directrice commerciale",
	"responsable produit", "achats", "directeur technique", "exploitation", "assistante",
};

/* Company names: "Client 012 " and one of these. */
static const char *const en_companies[] = {
	"Acme Logistics", "Northwind Foods", "Bluebird Health", "Harbour Bank", "Pinecrest Retail",
	"Atlas Freight", "Summit Insurance", "Greenfield Energy", "Orbit Media", "Keystone Legal",
	"Redwood Schools", "Silverline Travel", "Meridian Labs", "Oakridge Homes", "Beacon Telecom",
	"Falcon Airways", "Crescent Hotels", "Ironbridge Steel", "Lighthouse Charity",
	"Maple Pharma",
};
static const char *const fr_companies[] = {
	"Boulangeries Dupré", "Lefèvre SARL", "Transports Bérard", "Mutuelle Éole",
	"Hôtels du Léman", "Crédit Mistral", "Éditions Garnier", "Cliniques Sainte-Anne",
	"Vignobles Chevalier", "Bâtiments Moreau", "Énergie Verte SA", "Librairie Perrault",
	"Aéroports Réunis", "Fromageries Giraud", "Société Générale des Eaux", "Mairie de Sète",
	"Laboratoires Faure", "Assurances Mercier", "Théâtre du Rond-Point", "Coopérative Élan",
};

/* Personal facts, "%s" the place, the month or the name of a child. */
/* Personal facts: %p a place, %m a month, %n a first name. */
static const char *const en_personal[] = {
	"back from a business trip to %p, loved it", "off on holiday to %p next month",
	"daughter %n starts school in September", "training for the %p marathon",
	"plays padel every Thursday", "loves the Italian place near their office",
	"new puppy called %n", "moving house in %m", "speaking at a conference in %p",
	"learning the guitar", "twins born in %m", "ski trip to %p in February",
	"cycling from London to %p for charity", "just got back from paternity leave",
	"favourite restaurant is the sushi bar on %n street", "sings in a choir",
};
static const char *const fr_personal[] = {
	"de retour d'un déplacement à %p, ravi", "part en vacances à %p le mois prochain",
	"sa fille %n entre au CP en septembre", "prépare le marathon de %p",
	"joue au padel le jeudi soir", "adore le bistrot en bas de leur bureau",
	"nouveau chiot qui s'appelle %n", "déménage en %m", "intervient à un salon à %p",
	"apprend la guitare", "des jumeaux nés en %m", "part au ski à %p en février",
	"fait Paris-%p à vélo pour une association", "rentre de congé parental",
	"son restaurant préféré est la crêperie rue %n", "chante dans une chorale",
};
static const char *const places[] = {
	"Bali", "Lisbon", "Chamonix", "Kyoto", "Montréal", "Séville", "Porto", "Annecy",
	"Reykjavík", "Marrakech", "Dubrovnik", "Zürich", "Bordeaux", "Nîmes", "Bergen",
	"Biarritz",
};
static const char *const en_months[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
};
static const char *const fr_months[] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre",
};

static const char *const en_meeting_titles[] = {
	"Weekly status", "Weekly status", "Weekly status", "Steering committee", "Budget review",
	"Kickoff", "Retro", "Roadmap", "Go-live check", "Quarterly review",
};
static const char *const fr_meeting_titles[] = {
	"Point hebdo", "Point hebdo", "Point hebdo", "Comité de pilotage", "Revue budgétaire",
	"Lancement", "Rétrospective", "Feuille de route", "Point mise en production",
	"Revue trimestrielle",
};
static const char *const en_items[] = {
	"Small talk", "Budget", "Timeline", "Next steps", "Risks", "Demo", "Open questions",
	"Invoices", "Scope", "Training plan", "Go-live", "Feedback", "Roadmap", "Staffing",
};
static const char *const fr_items[] = {
	"Tour de table", "Budget", "Planning", "Prochaines étapes", "Risques", "Démo",
	"Questions ouvertes", "Factures", "Périmètre", "Formation", "Mise en production",
	"Retours", "Feuille de route", "Équipe",
};

/* #topics, as people tag their notes. */
static const char *const topics[] = {
	"#budget", "#planning", "#api", "#sécurité", "#rgpd", "#hiring", "#invoice",
	"#migration", "#formation", "#roadmap", "#risk", "#support", "#export", "#contrat",
};

/* How an action's due date is typed (a ^ before it), in each language. */
static const char *const en_dues[] = {
	"fri", "mon", "tomorrow", "+3d", "+2w", "eow", "eom", "wed", "+1w", "today",
};
static const char *const fr_dues[] = {
	"ven", "lun", "demain", "+3d", "+2w", "eow", "eom", "mer", "+1w", "jeudi",
};

#endif
