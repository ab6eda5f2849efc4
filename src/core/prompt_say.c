/* prompt_say.c: a note said back to the client.  See prompt_say.h.
**
** A note is split into words; the grammar here is a handful of word lists,
** enough for the notes people type during a call, not a parser:
**
**   - a clause has a finite verb ("will", "is", "risque", "va") after its
**     first word, or opens with a subject ("we", « on », « j' »); a verb
**     word right after an article or a preposition is a noun ("the cuts",
**     « le manque », « mot de passe »);
**   - anything else is a noun phrase;
**   - a note that ends with "?" is a question;
**   - "worried that", "afraid of", « peur que », « inquiet du » and the like
**     say the worry themselves: they are taken out and the sentence says
**     it once, with the right conjunction ("that", "about", « que »,
**     « de »);
**   - the client's "I", "my", "we" become "you", "your"; « je pense »
**     becomes « vous pensez », « nous avons » « vous avez ».
**
** French never needs a subjunctive that the note did not give: « vous
** craignez que … » only follows the note's own « que » (its verb is the
** client's), and a bare clause is said « ce qui vous inquiète, c'est
** que … », which takes the indicative.
*/
#include "prompt_say.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/date.h"
#include "rapport/text.h"

#define WORDS_MAX 48        /* words of a note read; a longer note is cut anyway */
#define KEY_MAX 48          /* bytes of a folded word */

static const char ellipsis[] = "…";

/* ---- Cleaning ------------------------------------------------------------- */

static bool
is_trailing_junk(char c)
{
	return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '-';
}

/* text sanitized, blanks collapsed to one space, punctuation off both ends
** (a "?" stays: it makes a question).  With tags, the note's markers go:
** @owner, a ^due date as the note parser reads it (several words perhaps,
** "^next week"), #topics at the very end, and the '#' of the others.  A
** malloc'd string (caller frees), NULL when out of memory. */
static char *
clean(const char *text, bool tags)
{
	char *s, *joined;
	size_t len, o = 0, i, w;

	s = text_sanitize(text ? text : "", " ");
	if (s == NULL)
		return NULL;
	len = strlen(s);
	if ((joined = malloc(len + 1)) == NULL) {
		free(s);
		return NULL;
	}
	while (tags && len > 0) {
		size_t end = len, start;

		while (end > 0 && s[end - 1] == ' ')
			end--;
		start = end;
		while (start > 0 && s[start - 1] != ' ')
			start--;
		if (end - start < 2 || s[start] != '#' || start == 0)
			break;
		len = start;
	}
	for (i = 0; i < len; i = w) {
		if (s[i] == ' ') {
			w = i + 1;
			continue;
		}
		for (w = i; w < len && s[w] != ' '; w++)
			;
		if (tags && w - i > 1 && s[i] == '^') {
			/* Whether a due date parses does not depend on the day.
			** One that does not parse stays, as it stays in the note. */
			static const rp_date any_day = { 2026, 1, 5 };
			rp_date due;
			size_t used;

			if (date_parse_due_lead(s + i + 1, len - i - 1, any_day, &due, &used, NULL) ==
			    RP_OK) {
				for (w = i + 1 + used; w < len && s[w] != ' '; w++)
					;
				continue;
			}
		}
		if (tags && w - i > 1 && s[i] == '@')
			continue;
		if (o > 0)
			joined[o++] = ' ';
		if (tags && w - i > 1 && s[i] == '#')
			i++;
		memcpy(joined + o, s + i, w - i);
		o += w - i;
	}
	while (o > 0 && is_trailing_junk(joined[o - 1]))
		o--;
	joined[o] = '\0';
	free(s);
	/* A second marker typed by habit ("!! worried", "+ - export"): the
	** prefix is the parser's, what follows it is no word. */
	for (i = 0; joined[i] && strchr("!+=>*~-:;,.", joined[i]); i++)
		;
	if (joined[i] != ' ' && joined[i] != '\0')
		i = 0;  /* "-10 %" is a word */
	while (joined[i] == ' ')
		i++;
	memmove(joined, joined + i, strlen(joined + i) + 1);
	return joined;
}

/* ---- Words ---------------------------------------------------------------- */

typedef struct phrase {
	char *w[WORDS_MAX];   /* each malloc'd */
	size_t n;
	bool oom;
} phrase;

static void
phrase_free(phrase *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->w[i]);
	p->n = 0;
}

static char *
dup_len(const char *s, size_t len)
{
	char *d = malloc(len + 1);

	if (d != NULL) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

/* Split s (words separated by single spaces) into p. */
static void
phrase_split(phrase *p, const char *s)
{
	memset(p, 0, sizeof *p);
	while (*s && p->n < WORDS_MAX) {
		const char *sp = strchr(s, ' ');
		size_t len = sp ? (size_t)(sp - s) : strlen(s);

		if ((p->w[p->n] = dup_len(s, len)) == NULL) {
			p->oom = true;
			return;
		}
		p->n++;
		s += len;
		while (*s == ' ')
			s++;
	}
}

/* Words [from, n) joined by spaces; malloc'd, NULL when out of memory. */
static char *
phrase_join(const phrase *p, size_t from)
{
	size_t len = 1;
	char *s;

	for (size_t i = from; i < p->n; i++)
		len += strlen(p->w[i]) + 1;
	if ((s = malloc(len)) == NULL)
		return NULL;
	s[0] = '\0';
	for (size_t i = from; i < p->n; i++) {
		if (i > from)
			strcat(s, " ");
		strcat(s, p->w[i]);
	}
	return s;
}

/* Replace word i with w (copied). */
static void
phrase_set(phrase *p, size_t i, const char *w)
{
	char *d = dup_len(w, strlen(w));

	if (d == NULL) {
		p->oom = true;
		return;
	}
	free(p->w[i]);
	p->w[i] = d;
}

/* Insert w (copied) before word i; a phrase full already drops its last. */
static void
phrase_insert(phrase *p, size_t i, const char *w)
{
	char *d = dup_len(w, strlen(w));

	if (d == NULL) {
		p->oom = true;
		return;
	}
	if (p->n == WORDS_MAX)
		free(p->w[--p->n]);
	memmove(p->w + i + 1, p->w + i, (p->n - i) * sizeof *p->w);
	p->w[i] = d;
	p->n++;
}

/* Quotes, brackets and the like around a word, which its key leaves out. */
static size_t
lead_punct(const char *w)
{
	static const char *const marks[] = { "(", "\"", "'", "[", "«", "“", "‘", NNBSP,
					     "\xc2\xa0", NULL };
	size_t i = 0;

	for (bool again = true; again;) {
		again = false;
		for (int m = 0; marks[m]; m++) {
			size_t ml = strlen(marks[m]);

			if (strncmp(w + i, marks[m], ml) == 0) {
				i += ml;
				again = true;
			}
		}
	}
	return i;
}

static size_t
trail_punct(const char *w, size_t start)
{
	static const char *const marks[] = { ",", ".", ";", ":", "!", "?", ")", "\"", "'", "]",
					     "»", "”", "’", "…", NNBSP, "\xc2\xa0", NULL };
	size_t end = strlen(w);

	for (bool again = true; again;) {
		again = false;
		for (int m = 0; marks[m]; m++) {
			size_t ml = strlen(marks[m]);

			if (end >= start + ml && memcmp(w + end - ml, marks[m], ml) == 0) {
				end -= ml;
				again = true;
			}
		}
	}
	return end;
}

/* Bytes of a French elided article or pronoun opening w ("l'", "qu’"),
** quotes before it included; 0 when there is none. */
static size_t
elision(const char *w)
{
	static const char *const heads[] = { "jusqu", "lorsqu", "puisqu", "qu", "l", "d", "j",
					     "m", "n", "s", "t", "c", NULL };
	size_t at = lead_punct(w);

	for (int h = 0; heads[h]; h++) {
		size_t hl = strlen(heads[h]), al;

		if (strncasecmp(w + at, heads[h], hl) != 0)
			continue;
		if (w[at + hl] == '\'')
			al = 1;
		else if (strncmp(w + at + hl, "’", 3) == 0)
			al = 3;
		else
			continue;
		if (w[at + hl + al] != '\0')
			return at + hl + al;
	}
	return 0;
}

/* The key of word w for the word lists: punctuation off, folded, ’ as '.
** In French an elided head is left out ("l'équipe" is "equipe"); *el gets
** its key ("l"), or "" when there is none.  "" when it does not fit. */
static const char *
word_key(const char *w, enum rp_lang lang, char *buf, char *el)
{
	size_t start = lead_punct(w), end, e = lang == RP_LANG_FR ? elision(w) : 0, o = 0;
	char tmp[KEY_MAX];
	char *folded;

	if (el != NULL) {
		el[0] = '\0';
		if (e > 0) {
			size_t hl = e - start - (w[e - 1] == '\'' ? 1 : 3);

			if (hl < 8) {
				for (size_t i = 0; i < hl; i++)
					el[i] = (char)(w[start + i] | 0x20);
				el[hl] = '\0';
			}
		}
	}
	if (e > 0)
		start = e;
	end = trail_punct(w, start);
	buf[0] = '\0';
	for (size_t i = start; i < end; i++) {
		if (o + 2 >= sizeof tmp)
			return buf;
		if (strncmp(w + i, "’", 3) == 0) {
			tmp[o++] = '\'';
			i += 2;
		} else {
			tmp[o++] = w[i];
		}
	}
	tmp[o] = '\0';
	if ((folded = text_fold(tmp)) == NULL)
		return buf;
	if (strlen(folded) < KEY_MAX)
		strcpy(buf, folded);
	free(folded);
	return buf;
}

static bool
is_in(const char *key, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(key, list[i]) == 0)
			return true;
	return false;
}

static bool
word_is(const phrase *p, size_t i, enum rp_lang lang, const char *const *list)
{
	char k[KEY_MAX];

	return i < p->n && is_in(word_key(p->w[i], lang, k, NULL), list);
}

/* ---- Word lists ------------------------------------------------------------ */

/* Keys are folded: no accents, lower case. */

static const char *const en_subjects[] = {
	"i", "we", "they", "he", "she", "it", "you", "there", "i'm", "we're", "they're", "you're",
	"it's", "that's", "there's", "he's", "she's", "i've", "we've", "they've", "i'll", "we'll",
	"they'll", "it'll", "i'd", "we'd", "they'd", "nobody", "everyone", "everybody", "someone",
	NULL
};

static const char *const en_verbs[] = {
	"is", "are", "was", "were", "be", "been", "am", "will", "would", "can", "could", "may",
	"might", "must", "shall", "should", "has", "have", "had", "does", "do", "did", "won't",
	"can't", "cannot", "couldn't", "wouldn't", "shouldn't", "isn't", "aren't", "wasn't",
	"weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "mustn't",
	"it's", "that's", "there's", "he's", "she's", "what's", "who's", "gets", "got", "goes",
	"went", "comes", "came", "seems", "seemed", "feels", "felt", "thinks", "thought", "says",
	"said", "keeps", "kept", "slips", "slipped", "misses", "missed", "fails", "failed", "breaks",
	"broke", "takes", "took", "makes", "made", "needs", "wants", "wanted", "expects",
	"expected", "happens", "happened", "stays", "stayed", "remains", "remained", "becomes",
	"became", "gives", "gave", "knows", "knew", "hates", "loves", "prefers", "agrees",
	"refuses", "refused", "asks", "asked", "pulls", "pulled", "quits", "quit", "lost",
	"loses", "overruns", "overran", "blocks", "blocked", "depends", "means",
	/* no -ing: "Alice leaving the project" is a noun phrase ("about Alice
	** leaving the project") */
	NULL
};

static const char *const en_dets[] = {
	"the", "a", "an", "this", "these", "those", "my", "our", "your", "their", "his", "her",
	"its", "some", "any", "no", "every", "each", "another", "more", "less", "fewer", "few",
	"many", "several", "much", "one", "two", "three", "four", "five", "ten", "all", "both",
	"better", "faster", "proper", "real", "clear", "full", NULL
};

static const char *const en_preps[] = {
	"of", "for", "with", "about", "on", "in", "at", "by", "from", "into", "over", "under",
	"without", "per", "via", "than", NULL
};

static const char *const fr_subjects[] = {
	"je", "il", "elle", "ils", "elles", "on", "nous", "vous", "ca", "cela", "personne",
	"rien", "tout", NULL
};

static const char *const fr_verbs[] = {
	"est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "soit", "soient",
	"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ait", "va",
	"vont", "allait", "allaient", "ira", "iront", "peut", "peuvent", "pourrait",
	"pourraient", "pourra", "pourront", "doit", "doivent", "devrait", "devraient", "devra",
	"faut", "fallait", "faudra", "faudrait", "risque", "risquent", "risquait", "veut",
	"veulent", "voulait", "voudrait", "fait", "font", "semble", "semblent", "semblait",
	"parait", "manque", "manquent", "arrive", "arrivent", "reste", "restent", "vient",
	"viennent", "prend", "prennent", "sait", "savent", "dit", "disent", "pense", "pensent",
	"trouve", "trouvent", "bloque", "bloquent", "depasse", "depassent", "traine", "trainent",
	"recule", "reculent", "glisse", "glissent", "part", "partent", "change", "changent",
	"baisse", "baissent", "augmente", "augmentent", "suis", "sommes", "etes", "ai", "avons",
	"avez", "vais", "allons", "allez", "peux", "pouvons", "pouvez", "dois", "devons", "devez",
	"sais", "savons", "savez", "veux", "voulons", "voulez", "quitte", "quittent", "demenage",
	"demenagent", "passe", "passent", "coute", "coutent", "depend", "dependent", "tient",
	"tiennent", "craint", "craignent", NULL
};

static const char *const fr_dets[] = {
	"le", "la", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "mon", "ma",
	"mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur",
	"leurs", "quelques", "plusieurs", "aucun", "aucune", "chaque", "tout", "toute", "tous",
	"toutes", "deux", "trois", "quatre", "cinq", "dix", "plus", "davantage", "moins", NULL
};

static const char *const fr_preps[] = {
	"de", "a", "au", "aux", "en", "pour", "par", "sur", "avec", "sans", "sous", "chez",
	"entre", "vers", "dans", "contre", "mot", NULL
};

/* Words that may open a note in lower case when typed with a capital: a
** note's first letter is lowered for the middle of a sentence only when it
** is one of these, or the word is one the lists above know; any other word
** may be a name ("Alice", "Acme") and keeps its capital. */
static const char *const common_words[] = {
	/* English */
	"budget", "budgets", "cost", "costs", "price", "prices", "pricing", "timeline", "timelines",
	"deadline", "deadlines", "delivery", "delay", "delays", "launch", "migration", "team",
	"teams", "project", "projects", "data", "security", "performance", "scope", "quality",
	"support", "training", "contract", "contracts", "renewal", "invoice", "invoices",
	"rollout", "release", "integration", "integrations", "export", "exports", "import",
	"report", "reports", "reporting", "dashboard", "dashboards", "board", "users", "user",
	"customers", "customer", "clients", "client", "sales", "legal", "finance", "hiring",
	"management", "staff", "go-live", "onboarding", "roadmap", "planning", "schedule",
	"uptime", "downtime", "churn", "adoption", "licence", "license", "licences", "licenses",
	"consultants", "vendor", "vendors", "partner", "partners", "competition", "competitors",
	"growth", "revenue", "margins", "headcount", "morale", "leadership", "everything",
	"nothing", "something", "maybe", "probably", "also", "still", "just", "only", "too",
	"very", "really", "lack", "most", "new", "next", "last", "other", "same", "losing",
	"missing", "getting", "having", "being", "going", "not", "if", "whether", "when", "how",
	"what", "why", "who", "which", "where", "can", "will", "is", "are", "should", "could",
	"would", "do", "does", "did", "need", "needs", "want", "wants", "send", "call", "book",
	"share", "check", "write", "go", "use", "keep", "move", "switch", "drop", "start", "stop",
	"phased", "monthly", "weekly", "annual", "yearly", "extra", "approval", "sign-off",
	"reviews", "review", "test", "tests", "testing", "access", "storage", "hosting", "server",
	"servers", "cloud", "mobile", "app", "apps", "website", "site", "login", "single",
	"self-host", "self-hosting", "automatic", "manual", "workshop", "demo", "trial", "pilot",
	"phase", "plan", "plans", "option", "options", "feature", "features", "fix", "bugs", "bug",
	/* French */
	"cout", "couts", "prix", "tarif", "tarifs", "delai", "delais", "calendrier", "retard",
	"retards", "livraison", "lancement", "equipe", "equipes", "projet", "donnees",
	"securite", "perimetre", "qualite", "formation", "contrat", "renouvellement", "facture",
	"factures", "deploiement", "integration", "rapport", "tableau", "direction",
	"utilisateurs", "ventes", "juridique", "finances", "recrutement", "embauche",
	"accompagnement", "feuille", "echeance", "echeances", "mise", "charge", "marge",
	"effectifs", "moral", "concurrence", "croissance", "chiffre", "chiffres", "pas",
	"trop", "peu", "encore", "aussi", "toujours", "deja", "peut-etre", "manque", "besoin",
	"nouvelle", "nouveau", "prochaine", "prochain", "dernier", "derniere", "meme", "autre",
	"perdre", "rater", "avoir", "etre", "faire", "pouvoir", "si", "quand", "comment",
	"pourquoi", "qui", "quel", "quelle", "quels", "quelles", "peut-on", "faut-il", "est-ce",
	"envoyer", "appeler", "caler", "partager", "verifier", "ecrire", "passer", "garder",
	"relancer", "preparer", "organiser", "valider", "proposer", "faire", "demander", "mettre",
	"lancer", "choisir", "deployer", "demarrer", "migrer", "heberger", "hebergement",
	"acces", "stockage", "serveur", "serveurs", "application", "site", "atelier", "demo",
	"essai", "pilote", "phase", "option", "options", "fonction", "fonctions", "bogues",
	"mensuel", "mensuelle", "hebdomadaire", "validation", "recette", "tests", "audit",
	NULL
};

/* The worry words a concern note may open with. */
static const char *const en_worries[] = {
	"worried", "concerned", "afraid", "scared", "nervous", "anxious", "worry", "worries",
	"fear", "fears", "fearful", "uneasy", "wary", "frightened", NULL
};

static const char *const fr_worries_inquiet[] = {
	"inquiet", "inquiete", "inquiets", "inquietes", "soucieux", "soucieuse", "soucieuses",
	"anxieux", "anxieuse", "anxieuses", "stresse", "stressee", "stresses", "stressees",
	"nerveux", "nerveuse", "nerveuses", "inquietude", "inquietudes", "souci", "soucis",
	NULL
};

static const char *const fr_worries_peur[] = {
	"peur", "peurs", "crainte", "craintes", "craint", "crains", "craignons", "craignent",
	"redoute", "redoutent", "redoutons", NULL
};

/* Adjectives of worry: "the CFO is worried", « la DSI est inquiète ». */
static const char *const en_worried_adj[] = {
	"worried", "concerned", "afraid", "scared", "nervous", "anxious", "uneasy", "wary", NULL
};

static const char *const fr_worried_adj[] = {
	"inquiet", "inquiete", "inquiets", "inquietes", "soucieux", "soucieuse", "soucieuses",
	"anxieux", "anxieuse", "anxieuses", "stresse", "stressee", "stresses", "stressees",
	"nerveux", "nerveuse", "nerveuses", NULL
};

static const char *const fr_plural_adj[] = {
	"inquiets", "inquietes", "soucieuses", "anxieuses", "stresses", "stressees", "nerveuses",
	NULL
};

/* Softeners between the subject and the worry: "very worried", « un peu
** inquiet », « une grosse crainte ». */
static const char *const softeners[] = {
	"very", "really", "quite", "rather", "so", "super", "extremely", "a", "bit", "little",
	"slightly", "somewhat", "pretty", "deeply", "genuinely", "still", "also", "tres", "assez",
	"un", "une", "peu", "plutot", "vraiment", "hyper", "bien", "grosse", "grande", "vraie",
	"reelle", "encore", "aussi", "toujours", "la", "des", "sa", "leur", NULL
};

/* What may end a cut excerpt before its "…": never "the …" or « de la … ». */
static const char *const dangling[] = {
	"the", "a", "an", "of", "to", "and", "or", "but", "with", "for", "in", "on", "at", "by",
	"that", "which", "our", "my", "your", "their", "his", "her", "its", "is", "are", "will",
	"be", "from", "into", "as", "than", "le", "la", "les", "l", "un", "une", "des", "du",
	"de", "d", "et", "ou", "a", "au", "aux", "en", "pour", "par", "sur", "avec", "que", "qu",
	"qui", "dont", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "son", "sa", "ses",
	"ce", "cette", "ces", "est", "sont", "leur", "leurs", "dans", "mais", NULL
};

/* ---- Letters -------------------------------------------------------------- */

/* Is w an acronym or a name in its own way ("API", "SaaS", "iPhone")?  A
** capital past its first letter says so. */
static bool
cased_inside(const char *w)
{
	size_t at = lead_punct(w);

	if (w[at] == '\0')
		return false;
	for (size_t i = at + 1; w[i]; i++)
		if (w[i] >= 'A' && w[i] <= 'Z')
			return true;
	return false;
}

/* Lower the letter at w[i]: ASCII, and Latin-1's capitals (É, À, Ç). */
static void
lower_at(char *w, size_t i)
{
	unsigned char c = (unsigned char)w[i];

	if (c >= 'A' && c <= 'Z')
		w[i] = (char)(c + 32);
	else if (c == 0xC3 && (unsigned char)w[i + 1] >= 0x80 && (unsigned char)w[i + 1] <= 0x9E &&
		 (unsigned char)w[i + 1] != 0x97)
		w[i + 1] = (char)(w[i + 1] + 0x20);
}

static void
upper_at(char *w, size_t i)
{
	unsigned char c = (unsigned char)w[i];

	if (c >= 'a' && c <= 'z')
		w[i] = (char)(c - 32);
	else if (c == 0xC3 && (unsigned char)w[i + 1] >= 0xA0 && (unsigned char)w[i + 1] <= 0xBE &&
		 (unsigned char)w[i + 1] != 0xB7)
		w[i + 1] = (char)(w[i + 1] - 0x20);
}

/* A note's first word (word `first`), in the middle of a sentence: lowered when it is a
** word the lists know ("The API" is "the API", « L'équipe » « l'équipe »),
** kept when it may be a name or is an acronym ("Alice", "API"). */
static void
lower_first(phrase *p, size_t first, enum rp_lang lang)
{
	char k[KEY_MAX], el[8];
	char *w;
	size_t at;

	if (first >= p->n)
		return;
	w = p->w[first];
	at = lead_punct(w);
	word_key(w, lang, k, el);
	if (el[0] != '\0') {
		lower_at(w, at);
		return;
	}
	if (cased_inside(w) && strlen(k) > 1)
		return;
	/* "I" and "I'll" stay "I" wherever they are. */
	if (w[at] == 'I' && (w[at + 1] == '\0' || w[at + 1] == '\'' || strncmp(w + at + 1, "’", 3) == 0))
		return;
	if (is_in(k, common_words) ||
	    is_in(k, lang == RP_LANG_FR ? fr_dets : en_dets) ||
	    is_in(k, lang == RP_LANG_FR ? fr_subjects : en_subjects) ||
	    is_in(k, lang == RP_LANG_FR ? fr_preps : en_preps) ||
	    is_in(k, lang == RP_LANG_FR ? fr_verbs : en_verbs))
		lower_at(w, at);
}

static void
upper_first(char *s)
{
	upper_at(s, lead_punct(s));
}

static bool
starts_with_vowel(const char *w)
{
	static const char *const vowels[] = { "a", "e", "i", "o", "u", "y", "h", "A", "E", "I",
					      "O", "U", "Y", "H", "é", "è", "ê", "à", "â", "î",
					      "ô", "û", "É", "È", "Ê", "À", "Â", "Î", "Ô", "Œ",
					      "œ", NULL };

	for (int i = 0; vowels[i]; i++)
		if (strncmp(w, vowels[i], strlen(vowels[i])) == 0)
			return true;
	return false;
}

/* « que » before w is « qu' »: « qu'il », « qu'on », « qu'Acme ». */
static bool
que_elides(const char *w)
{
	w += lead_punct(w);
	return starts_with_vowel(w) && *w != 'h' && *w != 'H';
}

/* ---- Grammar -------------------------------------------------------------- */

/* Does the phrase from word `from` read as a clause (it has a verb)? */
static bool
is_clause(const phrase *p, size_t from, enum rp_lang lang)
{
	const char *const *subjects = lang == RP_LANG_FR ? fr_subjects : en_subjects;
	const char *const *verbs = lang == RP_LANG_FR ? fr_verbs : en_verbs;
	const char *const *dets = lang == RP_LANG_FR ? fr_dets : en_dets;
	const char *const *preps = lang == RP_LANG_FR ? fr_preps : en_preps;
	char k[KEY_MAX], prev[KEY_MAX] = "", el[8];

	for (size_t i = from; i < p->n; i++) {
		size_t len;

		word_key(p->w[i], lang, k, el);
		len = strlen(k);
		/* « j'ai », « n'est », « c'est », « qu'on », « s'il », « m'a »; not
		** « l'API », « d'ici », « jusqu'en » */
		if (lang == RP_LANG_FR && el[0] && strcmp(el, "l") != 0 && strcmp(el, "d") != 0 &&
		    strcmp(el, "jusqu") != 0)
			return true;
		/* "IT" is a department, not "it" */
		if (i == from && is_in(k, subjects) && !(cased_inside(p->w[i]) && len > 1))
			return true;
		if (lang == RP_LANG_EN && len > 3 &&
		    (strcmp(k + len - 3, "n't") == 0 || strcmp(k + len - 3, "'re") == 0 ||
		     strcmp(k + len - 3, "'ll") == 0 || strcmp(k + len - 3, "'ve") == 0))
			return true;
		if (lang == RP_LANG_FR && (strcmp(k, "ne") == 0 || strcmp(k, "y") == 0))
			return true;
		/* folded, « à » is « a »: only the verb has no accent */
		if (i > from && is_in(k, verbs) && !is_in(prev, dets) && !is_in(prev, preps) &&
		    el[0] == '\0' &&
		    !(lang == RP_LANG_FR && strncmp(p->w[i] + lead_punct(p->w[i]), "à", 2) == 0))
			return true;
		/* « l'équipe est » : the word after an elided article is its
		** noun, and a verb may follow it */
		snprintf(prev, sizeof prev, "%s", k);
	}
	return false;
}

/* ---- The client's words, turned to "you" ---------------------------------- */

static const struct swap {
	const char *from, *to;
} en_swaps[] = {
	{ "i", "you" }, { "me", "you" }, { "my", "your" }, { "mine", "yours" },
	{ "myself", "yourself" }, { "we", "you" }, { "us", "you" }, { "our", "your" },
	{ "ours", "yours" }, { "ourselves", "yourselves" }, { "i'm", "you're" },
	{ "i've", "you've" }, { "i'll", "you'll" }, { "i'd", "you'd" }, { "we're", "you're" },
	{ "we've", "you've" }, { "we'll", "you'll" }, { "we'd", "you'd" }, { NULL, NULL },
}, fr_swaps[] = {
	{ "mon", "votre" }, { "ma", "votre" }, { "mes", "vos" }, { "notre", "votre" },
	{ "nos", "vos" }, { "moi", "vous" }, { "me", "vous" }, { "nous", "vous" },
	{ "notres", "vôtres" }, { "je", "vous" }, { NULL, NULL },
};

/* The "vous" form of a verb after « je »: « pense » « pensez », « suis »
** « êtes », « voudrais » « voudriez »; NULL when it is not one we know. */
static const char *
fr_vous_of_je(const char *k, char *buf, size_t size)
{
	static const struct swap table[] = {
		{ "suis", "êtes" }, { "ai", "avez" }, { "vais", "allez" }, { "peux", "pouvez" },
		{ "dois", "devez" }, { "veux", "voulez" }, { "sais", "savez" }, { "fais", "faites" },
		{ "dis", "dites" }, { "crois", "croyez" }, { "vois", "voyez" },
		{ "prends", "prenez" }, { "viens", "venez" }, { "mets", "mettez" },
		{ "crains", "craignez" }, { "tiens", "tenez" }, { "pars", "partez" },
		{ "sors", "sortez" }, { "connais", "connaissez" }, { "comprends", "comprenez" },
		{ "attends", "attendez" }, { "entends", "entendez" }, { "reponds", "répondez" },
		{ "perds", "perdez" }, { "finis", "finissez" }, { "choisis", "choisissez" },
		{ "serai", "serez" }, { "aurai", "aurez" }, { "ferai", "ferez" }, { NULL, NULL },
	};
	size_t len = strlen(k);

	for (int i = 0; table[i].from; i++)
		if (strcmp(k, table[i].from) == 0)
			return table[i].to;
	if (len + 3 >= size || len < 2)
		return NULL;
	/* voudrais, étais: -ais → -iez; pense, trouve: -e → -ez; -rai → -rez */
	if (len > 3 && strcmp(k + len - 3, "ais") == 0)
		snprintf(buf, size, "%.*siez", (int)(len - 3), k);
	else if (len > 3 && strcmp(k + len - 3, "rai") == 0)
		snprintf(buf, size, "%.*srez", (int)(len - 3), k);
	else if (k[len - 1] == 'e')
		snprintf(buf, size, "%sz", k);
	else
		return NULL;
	return buf;
}

/* The "vous" form of a verb after « nous »: -ons → -ez. */
static const char *
fr_vous_of_nous(const char *k, char *buf, size_t size)
{
	size_t len = strlen(k);

	if (strcmp(k, "sommes") == 0)
		return "êtes";
	if (strcmp(k, "faisons") == 0)
		return "faites";
	if (strcmp(k, "disons") == 0)
		return "dites";
	if (len < 5 || strcmp(k + len - 3, "ons") != 0 || len + 1 >= size)
		return NULL;
	snprintf(buf, size, "%.*sez", (int)(len - 3), k);
	return buf;
}

/* Word w with its key replaced by to: "my," is "your,"; the verb keeps
** the accents the table gives it. */
static void
swap_word(phrase *p, size_t i, const char *to, size_t keep_head)
{
	const char *w = p->w[i];
	size_t start = keep_head ? keep_head : lead_punct(w), end;
	char buf[KEY_MAX * 2 + 16];

	end = trail_punct(w, start);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(keep_head ? keep_head : lead_punct(w)), w,
		 to, w + end);
	phrase_set(p, i, buf);
}

/* The client's first person, turned to the second, from word `from`. */
static void
shift_person(phrase *p, size_t from, enum rp_lang lang)
{
	char k[KEY_MAX], el[8], conj[KEY_MAX + 8];
	int pending = 0;  /* 1: a verb after « je » is due, 2: after « nous », 3: after "I" */

	for (size_t i = from; i < p->n && !p->oom; i++) {
		const char *w = p->w[i];
		const char *to = NULL;

		word_key(w, lang, k, el);
		if (lang == RP_LANG_EN) {
			if (pending == 3 && (strcmp(k, "am") == 0 || strcmp(k, "was") == 0 ||
					     strcmp(k, "wasn't") == 0)) {
				swap_word(p, i, strcmp(k, "am") == 0	  ? "are"
						: strcmp(k, "was") == 0 ? "were"
									  : "weren't",
					  0);
				pending = 0;
				continue;
			}
			pending = 0;
			/* "US" is a country; "I" is only ever the client. */
			if (strcmp(k, "us") == 0 && strstr(w, "US") != NULL)
				continue;
			for (int s = 0; en_swaps[s].from; s++)
				if (strcmp(k, en_swaps[s].from) == 0)
					to = en_swaps[s].to;
			if (to != NULL) {
				pending = strcmp(k, "i") == 0 ? 3 : 0;
				swap_word(p, i, to, 0);
			}
			continue;
		}
		/* French: « j'ai » « vous avez », « m'inquiète » « vous inquiète »,
		** « n'ai » after « je » « n'avez ». */
		if (strcmp(el, "j") == 0 || strcmp(el, "m") == 0) {
			size_t e = elision(w);
			char rest[KEY_MAX * 2];

			snprintf(rest, sizeof rest, "%s", w + e);
			phrase_set(p, i, rest);
			phrase_insert(p, i, "vous");
			pending = strcmp(el, "j") == 0 ? 1 : pending;
			continue;
		}
		if (pending != 0) {
			if (strcmp(el, "n") == 0 || strcmp(el, "l") == 0) {
				const char *v = pending == 1 ? fr_vous_of_je(k, conj, sizeof conj)
							     : fr_vous_of_nous(k, conj, sizeof conj);

				if (v != NULL)
					swap_word(p, i, v, elision(w));
				pending = v != NULL ? 0 : pending;
				if (v != NULL)
					continue;
			}
			if (strcmp(k, "ne") == 0 || strcmp(k, "en") == 0 || strcmp(k, "y") == 0 ||
			    strcmp(k, "le") == 0 || strcmp(k, "la") == 0 || strcmp(k, "les") == 0 ||
			    strcmp(k, "lui") == 0 || strcmp(k, "leur") == 0)
				continue;
			if (strcmp(k, "me") == 0 || strcmp(k, "nous") == 0) {
				swap_word(p, i, "vous", 0);
				continue;
			}
			{
				const char *v = pending == 1 ? fr_vous_of_je(k, conj, sizeof conj)
							     : fr_vous_of_nous(k, conj, sizeof conj);

				pending = 0;
				if (v != NULL) {
					swap_word(p, i, v, 0);
					continue;
				}
			}
		}
		for (int s = 0; fr_swaps[s].from; s++)
			if (strcmp(k, fr_swaps[s].from) == 0)
				to = fr_swaps[s].to;
		if (to == NULL)
			continue;
		/* « nous » before a verb in -ons is the subject. */
		if (strcmp(k, "je") == 0)
			pending = 1;
		else if (strcmp(k, "nous") == 0 && i + 1 < p->n) {
			char nk[KEY_MAX];
			size_t nl = strlen(word_key(p->w[i + 1], lang, nk, NULL));

			if (nl > 3 && (strcmp(nk + nl - 3, "ons") == 0 || strcmp(nk, "sommes") == 0 ||
				       strcmp(nk, "ne") == 0 || strncmp(p->w[i + 1], "n'", 2) == 0))
				pending = 2;
		}
		swap_word(p, i, to, 0);
	}
}

/* ---- Cutting and French typography ----------------------------------------- */

/* s cut to at most max_chars characters at a word, without a dangling
** "the" or « de », ended with "…"; in place (s has room for the ellipsis:
** it only ever gets shorter than max_chars characters plus "…"). */
static void
cut_words(char *s, size_t max_chars, enum rp_lang lang)
{
	size_t chars = 0, cut = 0, last_space = 0, len = strlen(s);

	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (chars == max_chars - 1)
			cut = i;
		if (s[i] == ' ' && chars < max_chars)
			last_space = i;
		chars++;
	}
	if (chars <= max_chars)
		return;
	/* A word longer than half the room (or CJK, which has no spaces) is
	** cut inside rather than leave a stub. */
	if (last_space > 0 && last_space >= cut / 2)
		cut = last_space;
	s[cut] = '\0';
	for (int drop = 0; drop < 3; drop++) {
		char k[KEY_MAX], *sp;

		while (cut > 0 && is_trailing_junk(s[cut - 1]))
			s[--cut] = '\0';
		sp = strrchr(s, ' ');
		if (sp == NULL)
			break;
		word_key(sp + 1, lang, k, NULL);
		if (!is_in(k, dangling))
			break;
		*sp = '\0';
		cut = (size_t)(sp - s);
	}
	while (cut > 0 && is_trailing_junk(s[cut - 1]))
		s[--cut] = '\0';
	strcat(s, ellipsis);
}

/* French typography on a note's words: a narrow no-break space before ? ! ;
** and : (the last two where a space or the end follows: "14:00" stays) and
** %, and « » for "quotes".  into out (size bytes). */
static void
fr_typography(const char *s, char *out, size_t size)
{
	size_t o = 0, quotes = 0;
	bool open = false;

	for (const char *q = s; *q; q++)
		quotes += *q == '"';
	out[0] = '\0';
	for (size_t i = 0; s[i] && o + 8 < size; i++) {
		char c = s[i];
		bool before = c == '?' || c == '!' || c == '%' ||
			      ((c == ':' || c == ';') && (s[i + 1] == ' ' || s[i + 1] == '\0'));

		if (before) {
			bool spaced = o >= 3 && (memcmp(out + o - 3, NNBSP, 3) == 0);

			if (o > 0 && out[o - 1] == ' ')
				o--;
			else if (o >= 2 && memcmp(out + o - 2, "\xc2\xa0", 2) == 0)
				o -= 2;
			if (!spaced && o > 0 && out[o - 1] != '?' && out[o - 1] != '!' &&
			    !(c == '%' && !(out[o - 1] >= '0' && out[o - 1] <= '9'))) {
				memcpy(out + o, NNBSP, 3);
				o += 3;
			}
			out[o++] = c;
		} else if (c == '"' && quotes % 2 == 0) {
			if (!open) {
				memcpy(out + o, "«" NNBSP, 5);
				o += 5;
				while (s[i + 1] == ' ')
					i++;
			} else {
				while (o > 0 && out[o - 1] == ' ')
					o--;
				memcpy(out + o, NNBSP "»", 5);
				o += 5;
			}
			open = !open;
		} else {
			out[o++] = c;
		}
	}
	out[o] = '\0';
}

/* The words [from, n) of p, cut and set for lang, into out. */
static char *
finish(const phrase *p, size_t from, enum rp_lang lang, size_t max_chars, char *out,
       size_t size)
{
	char *s = phrase_join(p, from);

	out[0] = '\0';
	if (s == NULL || p->oom) {
		free(s);
		return out;
	}
	{
		char *room = realloc(s, strlen(s) + sizeof ellipsis);

		if (room == NULL) {
			free(s);
			return out;
		}
		s = room;
	}
	cut_words(s, max_chars, lang);
	if (lang == RP_LANG_FR)
		fr_typography(s, out, size);
	else
		text_copy_cut(out, size, s, max_chars + 1);
	free(s);
	return out;
}

char *
say_typography(enum rp_lang lang, const char *text, char *out, size_t size)
{
	if (lang == RP_LANG_FR)
		fr_typography(text, out, size);
	else
		snprintf(out, size, "%s", text);
	return out;
}

char *
say_excerpt(enum rp_lang lang, const char *text, size_t max_chars, bool tags, char *out,
	    size_t size)
{
	char *s = clean(text, tags);
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	free(s);
	finish(&p, 0, lang, max_chars, out, size);
	phrase_free(&p);
	return out;
}

static bool has_det(const phrase *p, size_t at, enum rp_lang lang, bool *many);

/* Does w open with a capital (a name, once lower_first has passed)? */
static bool
starts_upper(const char *w)
{
	unsigned char c = (unsigned char)w[lead_punct(w)];

	return (c >= 'A' && c <= 'Z') ||
	       (c == 0xC3 && (unsigned char)w[lead_punct(w) + 1] >= 0x80 &&
		(unsigned char)w[lead_punct(w) + 1] <= 0x9E);
}

/* Does the client's own view open the (shifted) note: "you don't think",
** « vous ne pensez pas »?  Then it says the worry itself. */
static bool
opinion(const phrase *p, enum rp_lang lang)
{
	static const char *const en_views[] = { "think", "don't", "doubt", "feel", "believe",
						"aren't", "are", "you're", "suspect", "fear",
						"expect", NULL };
	static const char *const fr_views[] = { "pensez", "doutez", "trouvez", "croyez",
						"craignez", NULL };
	char el[8], k[KEY_MAX];

	if (lang == RP_LANG_EN) {
		if (word_is(p, 0, lang, (const char *const[]){ "you're", NULL }))
			return word_is(p, 1, lang, (const char *const[]){ "not", NULL });
		return word_is(p, 0, lang, (const char *const[]){ "you", NULL }) &&
		       word_is(p, 1, lang, en_views) &&
		       (!word_is(p, 1, lang, (const char *const[]){ "don't", "are", "aren't", NULL }) ||
			word_is(p, 2, lang,
				(const char *const[]){ "think", "believe", "expect", "not", "sure",
						       NULL }));
	}
	if (p->n < 3 || !word_is(p, 0, lang, (const char *const[]){ "vous", NULL }))
		return false;
	if (word_is(p, 1, lang, fr_views))
		return true;  /* « vous pensez que » */
	if (word_is(p, 1, lang, (const char *const[]){ "ne", NULL }))
		return word_is(p, 2, lang, fr_views);  /* « vous ne pensez pas » */
	word_key(p->w[1], lang, k, el);
	if (strcmp(el, "n") == 0 && strcmp(k, "etes") == 0)
		return word_is(p, 2, lang, (const char *const[]){ "pas", "plus", NULL });
	if (strcmp(k, "avez") == 0) {
		/* « vous avez l'impression que », « le sentiment » */
		word_key(p->w[2], lang, k, el);
		return strcmp(k, "impression") == 0 || strcmp(k, "sentiment") == 0;
	}
	return false;
}

/* "no budget left", « pas de budget », « aucune visibilité »: said
** "there's no budget left", « il n'y a pas de budget ». */
static bool
no_thing(const phrase *p, size_t at, enum rp_lang lang)
{
	char el[8], k[KEY_MAX];

	if (at + 1 >= p->n)
		return false;
	if (lang == RP_LANG_EN)
		return word_is(p, at, lang, (const char *const[]){ "no", NULL });
	if (word_is(p, at, lang, (const char *const[]){ "aucun", "aucune", NULL }))
		return true;
	word_key(p->w[at + 1], lang, k, el);
	return word_is(p, at, lang, (const char *const[]){ "pas", NULL }) &&
	       (strcmp(k, "de") == 0 || strcmp(el, "d") == 0);
}

/* Nouns a note opens with bare ("timeline too tight", "budget cuts next
** year") that English says with "the"; not plurals, which may be meant in
** general ("costs going up"). */
static const char *const en_the_nouns[] = {
	"budget", "timeline", "deadline", "schedule", "scope", "price", "pricing", "team", "plan",
	"rollout", "migration", "launch", "release", "contract", "project", "integration", "data",
	"delivery", "quality", "performance", "security", "support", "training", "roadmap",
	"onboarding", "adoption", "go-live", "vendor", "board", "renewal", "licence", "license",
	"workload", "handover", "cutover", "demo", "pilot", "audit", NULL
};

/* "the" before a bare English noun phrase, and "is" before its "too":
** "timeline too tight" is "the timeline is too tight"; true when that
** made it a clause. */
static bool
en_article(phrase *p, size_t at)
{
	if (at >= p->n || !word_is(p, at, RP_LANG_EN, en_the_nouns) || starts_upper(p->w[at]))
		return false;
	phrase_insert(p, at, "the");
	for (size_t i = at + 2; i < p->n && i < at + 5; i++)
		if (word_is(p, i, RP_LANG_EN, (const char *const[]){ "too", NULL })) {
			char k[KEY_MAX];
			size_t len = strlen(word_key(p->w[i - 1], RP_LANG_EN, k, NULL));

			phrase_insert(p, i, len > 2 && k[len - 1] == 's' && k[len - 2] != 's' ? "are" : "is");
			return true;
		}
	return false;
}

/* After « vous craignez que », the first verb in the subjunctive where the
** note wrote it in the indicative: « le budget va être réduit » is « le
** budget aille être réduit »… but « est » « soit », « a » « ait ». */
static void
fr_subjunctive(phrase *p, size_t from)
{
	static const struct {
		const char *ind, *subj;
	} moods[] = {
		{ "est", "soit" },     { "sont", "soient" },   { "sera", "soit" },
		{ "seront", "soient" }, { "a", "ait" },         { "ont", "aient" },
		{ "aura", "ait" },     { "auront", "aient" },  { "va", "aille" },
		{ "vont", "aillent" }, { "peut", "puisse" },   { "peuvent", "puissent" },
		{ "pourra", "puisse" }, { "fait", "fasse" },    { "font", "fassent" },
		{ "doit", "doive" },   { "doivent", "doivent" }, { "sait", "sache" },
		{ "veut", "veuille" }, { NULL, NULL },
	};
	char k[KEY_MAX], el[8];

	for (size_t i = from; i < p->n && i < from + 6; i++) {
		word_key(p->w[i], RP_LANG_FR, k, el);
		if (strncmp(p->w[i] + lead_punct(p->w[i]), "à", 2) == 0)
			continue;
		if (strcmp(el, "n") == 0) {
			/* « qu'on n'est pas prêts » : the verb is after the elision */
			for (int m = 0; moods[m].ind; m++)
				if (strcmp(k, moods[m].ind) == 0 && starts_with_vowel(moods[m].subj)) {
					swap_word(p, i, moods[m].subj, elision(p->w[i]));
					return;
				} else if (strcmp(k, moods[m].ind) == 0) {
					/* « n'est » : « ne soit » */
					swap_word(p, i, moods[m].subj, lead_punct(p->w[i]));
					phrase_insert(p, i, "ne");
					return;
				}
			return;
		}
		for (int m = 0; moods[m].ind; m++)
			if (strcmp(k, moods[m].ind) == 0) {
				if (strcmp(k, "va") == 0 && i + 1 < p->n &&
				    word_is(p, i + 1, RP_LANG_FR, (const char *const[]){ "etre", NULL })) {
					/* « va être réduit » : « soit réduit » */
					phrase_set(p, i, "soit");
					free(p->w[i + 1]);
					memmove(p->w + i + 1, p->w + i + 2, (p->n - i - 2) * sizeof *p->w);
					p->n--;
				} else {
					swap_word(p, i, moods[m].subj, 0);
				}
				return;
			}
		if (is_in(k, fr_verbs))
			return;  /* a verb of its own mood already */
	}
}

/* ---- Sentences ------------------------------------------------------------- */

/* Does the note end as a question? */
static bool
asks(const phrase *p)
{
	const char *last;
	size_t end;

	if (p->n == 0)
		return false;
	last = p->w[p->n - 1];
	end = strlen(last);
	return end > 0 && last[end - 1] == '?';
}

/* A sentence: before + the words + after, into out. */
static char *
frame(char *out, size_t size, const char *before, const char *words, const char *after)
{
	if (words[0] == '\0')
		out[0] = '\0';
	else
		snprintf(out, size, "%s%s%s", before, words, after);
	return out;
}

/* « de » before the words from `at`: « du retard », « de la date », « d'un
** export », « des délais ». */
static void
fr_de(phrase *p, size_t at)
{
	char k[KEY_MAX], el[8], buf[KEY_MAX * 2 + 8];

	if (at >= p->n)
		return;
	word_key(p->w[at], RP_LANG_FR, k, el);
	if (el[0] == 'l' || el[0] == 'd') {
		if (el[0] == 'l')
			phrase_insert(p, at, "de");
		return;
	}
	if (strcmp(k, "le") == 0) {
		phrase_set(p, at, "du");
	} else if (strcmp(k, "les") == 0) {
		phrase_set(p, at, "des");
	} else if (strcmp(k, "des") == 0 || strcmp(k, "du") == 0) {
		return;
	} else if (starts_with_vowel(p->w[at] + lead_punct(p->w[at])) && !cased_inside(p->w[at])) {
		snprintf(buf, sizeof buf, "d'%s", p->w[at]);
		phrase_set(p, at, buf);
	} else {
		phrase_insert(p, at, "de");
	}
}

enum link { LINK_NONE, LINK_THAT, LINK_ABOUT, LINK_DE, LINK_POUR };

/* A worry the note says itself, at its start: "worried that", « j'ai peur
** du ».  Sets *rest to the first word after it, *link to what joined it,
** *peur to whether it was a fear (« avoir peur ») rather than a worry
** (« s'inquiéter »); false when the note does not open so. */
static bool
worry_lead(phrase *p, enum rp_lang lang, size_t *rest, enum link *link, bool *peur)
{
	char k[KEY_MAX], el[8];
	size_t i = 0;

	*link = LINK_NONE;
	*peur = false;
	if (lang == RP_LANG_EN) {
		if (word_is(p, 0, lang, (const char *const[]){ "i'm", "we're", "im", NULL }))
			i = 1;
		else if (word_is(p, 0, lang, (const char *const[]){ "i", "we", NULL }))
			i = word_is(p, 1, lang, (const char *const[]){ "am", "are", NULL }) ? 2 : 1;
	} else {
		word_key(p->n ? p->w[0] : "", lang, k, el);
		if (strcmp(el, "j") == 0)        /* « j'ai peur » */
			i = 1;
		else if (word_is(p, 0, lang, (const char *const[]){ "je", "nous", "on", NULL }))
			i = word_is(p, 1, lang,
				    (const char *const[]){ "suis", "sommes", "est", "a", "avons", "ai",
							   NULL })
				    ? 2
				    : 1;
	}
	for (int n = 0; n < 3 && word_is(p, i, lang, softeners); n++)
		i++;
	if (i >= p->n)
		return false;
	word_key(p->w[i], lang, k, NULL);
	if (lang == RP_LANG_EN ? !is_in(k, en_worries)
			       : !is_in(k, fr_worries_inquiet) && !is_in(k, fr_worries_peur))
		return false;
	*peur = lang == RP_LANG_FR && is_in(k, fr_worries_peur);
	i++;
	if (i >= p->n)
		return false;
	word_key(p->w[i], lang, k, el);
	if (lang == RP_LANG_EN) {
		if (strcmp(k, "that") == 0) {
			*link = LINK_THAT;
			i++;
		} else if (is_in(k, (const char *const[]){ "about", "of", "over", "regarding", "re",
							   "around", "for", "on", "with", NULL })) {
			*link = LINK_ABOUT;
			i++;
		}
	} else if (strcmp(el, "qu") == 0) {
		/* « peur qu'on rate » : the word after the elision opens the rest */
		char w[KEY_MAX * 2];

		snprintf(w, sizeof w, "%s", p->w[i] + elision(p->w[i]));
		phrase_set(p, i, w);
		*link = LINK_THAT;
	} else if (strcmp(k, "que") == 0) {
		*link = LINK_THAT;
		i++;
	} else if (strcmp(el, "d") == 0 || strcmp(k, "de") == 0 || strcmp(k, "du") == 0 ||
		   strcmp(k, "des") == 0) {
		*link = LINK_DE;  /* kept: « de rater », « du retard » */
	} else if (strcmp(k, "pour") == 0) {
		*link = LINK_POUR;
	} else if (is_in(k, (const char *const[]){ "sur", "concernant", "quant", NULL })) {
		*link = LINK_ABOUT;
		i++;
		if (word_is(p, i, lang, (const char *const[]){ "a", "au", "aux", NULL }) && k[0] == 'q')
			i++;
	} else if (is_in(k, (const char *const[]){ "a", "au", NULL }) &&
		   word_is(p, i + 1, lang, (const char *const[]){ "propos", "sujet", NULL })) {
		*link = LINK_ABOUT;
		i += 2;
		if (word_is(p, i, lang, (const char *const[]){ "de", NULL }))
			i++;
	}
	if (i >= p->n)
		return false;
	*rest = i;
	return true;
}

/* Is the note only a worry, with nothing it is about ("worried", « un peu
** inquiète »)? */
static bool
only_worry(const phrase *p, enum rp_lang lang)
{
	static const char *const be[] = { "i", "we", "i'm", "we're", "am", "are", "is", "about",
					  "that", "of", "je", "nous", "on", "suis", "sommes", "est",
					  "ai", "a", "que", "de", "pour", NULL };
	bool worry = false;

	for (size_t i = 0; i < p->n; i++) {
		if (word_is(p, i, lang, lang == RP_LANG_FR ? fr_worries_inquiet : en_worries) ||
		    (lang == RP_LANG_FR && word_is(p, i, lang, fr_worries_peur)))
			worry = true;
		else if (!word_is(p, i, lang, be) && !word_is(p, i, lang, softeners))
			return false;
	}
	return worry;
}

/* A worry said in the middle: "the CFO worried about costs", « le DAF
** inquiet pour les coûts ».  A verb goes in when there is none ("is",
** « est »). */
static bool
worry_inside(phrase *p, enum rp_lang lang)
{
	const char *const *adj = lang == RP_LANG_FR ? fr_worried_adj : en_worried_adj;
	char k[KEY_MAX], prev[KEY_MAX];

	for (size_t i = 1; i < p->n && i <= 5; i++) {
		if (!word_is(p, i, lang, adj))
			continue;
		word_key(p->w[i - 1], lang, prev, NULL);
		if (is_in(prev, softeners) && i >= 2)
			word_key(p->w[i - 2], lang, prev, NULL);
		if (!is_clause(p, 0, lang)) {
			size_t at = i;

			while (at > 1 && word_is(p, at - 1, lang, softeners))
				at--;
			word_key(p->w[at - 1], lang, k, NULL);
			if (lang == RP_LANG_FR)
				phrase_insert(p, at, word_is(p, i, lang, fr_plural_adj) ? "sont" : "est");
			else
				phrase_insert(p, at,
					      strlen(k) > 2 && k[strlen(k) - 1] == 's' &&
							      k[strlen(k) - 2] != 's' &&
							      k[strlen(k) - 2] != '\''
						      ? "are"
						      : "is");
		}
		return true;
	}
	return false;
}

char *
say_reflect(enum rp_lang lang, const char *note, char *out, size_t size)
{
	char *s = clean(note, true), words[SAY_SIZE];
	bool fr = lang == RP_LANG_FR, question, peur = false, lead, many;
	size_t rest = 0;
	enum link link = LINK_NONE;
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	free(s);
	if (p.n == 0)
		goto out;
	question = asks(&p);
	if (!question && only_worry(&p, lang)) {
		/* "worried", « très inquiète » : nothing to say back but the worry */
		snprintf(out, size, "%s",
			 IN_LANG(lang, "What worries you most, exactly?",
				 "Qu'est-ce qui vous inquiète le plus, exactement" NNBSP "?"));
		goto out;
	}
	lead = worry_lead(&p, lang, &rest, &link, &peur);
	if (!lead)
		rest = 0;
	shift_person(&p, rest, lang);
	lower_first(&p, rest, lang);
	if (question) {
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, IN_LANG(lang, "Your worry is: ", "Votre inquiétude, c'est" NNBSP ": "),
		      words, IN_LANG(lang, " Did I get that right?", " C'est bien ça" NNBSP "?"));
		goto out;
	}
	if (!lead && worry_inside(&p, lang)) {
		finish(&p, 0, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, IN_LANG(lang, "So ", "Si je vous suis bien, "), words,
		      IN_LANG(lang, " — did I get that right?", NNBSP ": c'est bien ça" NNBSP "?"));
		goto out;
	}
	if (link == LINK_NONE)
		link = is_clause(&p, rest, lang) ? LINK_THAT : LINK_ABOUT;
	if (link == LINK_THAT && !lead && opinion(&p, lang)) {
		/* "you don't think you can hit March" says the worry itself */
		finish(&p, 0, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, IN_LANG(lang, "So ", "Si je vous suis bien, "), words,
		      IN_LANG(lang, " — did I get that right?", NNBSP ": c'est bien ça" NNBSP "?"));
		goto out;
	}
	if (link == LINK_ABOUT && no_thing(&p, rest, lang)) {
		/* "no budget left": that there is none */
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		if (fr)
			frame(out, size, "Ce qui vous inquiète, c'est qu'il n'y a ", words,
			      NNBSP ": ai-je bien compris" NNBSP "?");
		else
			frame(out, size, "You're worried that there's ", words, " — did I get that right?");
		goto out;
	}
	/* Only a bare note: "concerned about budget cuts" says it as meant. */
	if (!fr && !lead && link == LINK_ABOUT && en_article(&p, rest))
		link = LINK_THAT;
	if (!fr) {
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, link == LINK_THAT ? "You're worried that " : "You're worried about ",
		      words, " — did I get that right?");
		goto out;
	}
	if (link == LINK_THAT && lead) {
		/* the client's own « que », with the client's verb, in the
		** subjunctive « craindre que » wants */
		bool elide = que_elides(p.w[rest]);

		fr_subjunctive(&p, rest);
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size,
		      elide ? "Si je vous suis bien, vous craignez qu'" : "Si je vous suis bien, vous craignez que ",
		      words, NNBSP ": c'est bien ça" NNBSP "?");
	} else if (link == LINK_THAT) {
		bool elide = que_elides(p.w[rest]);

		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, elide ? "Ce qui vous inquiète, c'est qu'" : "Ce qui vous inquiète, c'est que ",
		      words, NNBSP ": ai-je bien compris" NNBSP "?");
	} else if (link == LINK_ABOUT && !has_det(&p, rest, lang, &many) &&
		   !word_is(&p, rest, lang, (const char *const[]){ "du", "de", NULL }) &&
		   elision(p.w[rest]) == 0 && !starts_upper(p.w[rest])) {
		/* « livraison à temps » has no article to take « de »: quoted,
		** it is one thing, and singular */
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, "Si je vous suis bien, «" NNBSP, words,
		      NNBSP "» vous inquiète" NNBSP ": c'est bien ça" NNBSP "?");
	} else {
		if (link == LINK_ABOUT)
			fr_de(&p, rest);
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size,
		      link == LINK_DE && peur ? "Si je vous suis bien, vous avez peur "
		      : link == LINK_POUR      ? "Si je vous suis bien, vous vous inquiétez "
					       : "Si je vous suis bien, vous vous inquiétez ",
		      words, NNBSP ": c'est bien ça" NNBSP "?");
	}
out:
	phrase_free(&p);
	return out;
}

/* Is word i a French infinitive (« exporter », « pouvoir », « être »)?
** By its ending, but for the nouns that end the same way. */
static bool
fr_infinitive(const phrase *p, size_t i)
{
	char k[KEY_MAX];
	size_t len;

	if (i >= p->n || starts_upper(p->w[i]))
		return false;
	len = strlen(word_key(p->w[i], RP_LANG_FR, k, NULL));
	return !is_in(k, fr_dets) && len >= 4 &&
	       (strcmp(k + len - 2, "er") == 0 || strcmp(k + len - 2, "ir") == 0 ||
		strcmp(k + len - 2, "re") == 0) &&
	       !is_in(k, (const char *const[]){ "dossier", "fichier", "calendrier", "partenaire",
						"prestataire", "papier", "cahier", "chantier", "livre",
						"titre", "offre", "ordre", "cadre", "tableur", "support",
						"plaisir", "avenir", "premier", "premiere", "dernier",
						"derniere", "entier", "hier", "leur", "notre", "votre",
						"autre", "contre", "entre", "outre", "centre", "lettre",
						"compteur", "chiffre", "nombre", "membre", "mer", "fer",
						"cher", "hiver", "super", "manager", "mieux", "noir",
						"espoir", "soir", "rasoir", "couloir", "miroir", "tiroir",
						"desir", "loisir", "elixir", NULL });
}

static const char *const fr_need_verbs[] = {
	"veut", "veux", "voulons", "veulent", "voudrait", "voudrais", "voudrions", "voudraient",
	"souhaite", "souhaitons", "souhaitent", "souhaiterait", "souhaiterais", "aimerait",
	"aimerais", "aimerions", "besoin", "faut", "faudrait", "demande", "demandent", "exige",
	"exigent", NULL
};

/* A need the note says itself, at its start: "needs", "we'd like", « a
** besoin d' », « veut ».  Sets *rest to the first word of what is needed
** and *inf to whether that is a verb ("to export", « de pouvoir »). */
static bool
need_lead(phrase *p, enum rp_lang lang, size_t *rest, bool *inf)
{
	char k[KEY_MAX], el[8];
	size_t i = 0;

	*inf = false;
	if (lang == RP_LANG_EN) {
		if (word_is(p, 0, lang, (const char *const[]){ "i", "we", "i'd", "we'd", "they", NULL }))
			i = 1;
		while (word_is(p, i, lang,
			       (const char *const[]){ "would", "really", "also", "still", "definitely",
						      "absolutely", "just", "do", "urgently", NULL }))
			i++;
		word_key(i < p->n ? p->w[i] : "", lang, k, NULL);
		if (is_in(k, (const char *const[]){ "looking", "asking", "asked", "asks", NULL }) &&
		    word_is(p, i + 1, lang, (const char *const[]){ "for", NULL }))
			i++;
		else if (!is_in(k, (const char *const[]){ "need", "needs", "needed", "want", "wants",
							  "wanted", "like", "require", "requires",
							  "required", NULL }))
			return false;
		i++;
		if (word_is(p, i, lang, (const char *const[]){ "to", NULL })) {
			*inf = true;
			i++;
		}
	} else {
		word_key(p->n ? p->w[0] : "", lang, k, el);
		if (strcmp(el, "j") == 0 && !is_in(k, fr_need_verbs))
			i = 1;  /* « j'ai besoin », but « j'aimerais » is the need itself */
		else if (word_is(p, 0, lang, (const char *const[]){ "je", "nous", "on", "il", "ils",
								    "elle", "elles", NULL }))
			i = 1;
		if (word_is(p, i, lang, (const char *const[]){ "a", "ont", "avons", "ai", "nous", NULL }))
			i++;
		while (word_is(p, i, lang,
			       (const char *const[]){ "vraiment", "aussi", "surtout", "absolument",
						      "bien", "encore", NULL }))
			i++;
		word_key(i < p->n ? p->w[i] : "", lang, k, NULL);
		if (!is_in(k, fr_need_verbs))
			return false;
		i++;
		if (i >= p->n)
			return false;
		word_key(p->w[i], lang, k, el);
		if (strcmp(k, "que") == 0 || strcmp(el, "qu") == 0)
			return false;  /* « il faut que … » is a clause: said whole */
		if (strcmp(el, "d") == 0) {
			char w[KEY_MAX * 2];

			snprintf(w, sizeof w, "%s", p->w[i] + elision(p->w[i]));
			phrase_set(p, i, w);
		} else if (strcmp(k, "de") == 0) {
			i++;
		}
		if (i >= p->n)
			return false;
		*inf = fr_infinitive(p, i);
	}
	if (i >= p->n)
		return false;
	*rest = i;
	return true;
}

/* Does the phrase from `at` open with an article or the like ("the", "a",
** "your", « un », « des »)?  Sets *many for a French plural. */
static bool
has_det(const phrase *p, size_t at, enum rp_lang lang, bool *many)
{
	char k[KEY_MAX];

	*many = false;
	if (at >= p->n)
		return false;
	word_key(p->w[at], lang, k, NULL);
	if (lang == RP_LANG_EN)
		return is_in(k, en_dets) || (k[0] >= '0' && k[0] <= '9');
	*many = is_in(k, (const char *const[]){ "les", "des", "ces", "vos", "leurs", "ses",
						"plusieurs", "quelques", "deux", "trois", "quatre",
						"cinq", "dix", NULL }) ||
		(k[0] >= '2' && k[0] <= '9');
	return is_in(k, fr_dets) || (k[0] >= '0' && k[0] <= '9');
}

char *
say_dig(enum rp_lang lang, const char *note, char *out, size_t size)
{
	char *s = clean(note, true), words[SAY_SIZE];
	bool fr = lang == RP_LANG_FR, inf = false, lead = false, many;
	size_t rest = 0;
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	if (p.n == 0)
		goto out;
	if (p.n == 1 && (word_is(&p, 0, lang, fr_need_verbs) ||
			 word_is(&p, 0, lang,
				 (const char *const[]){ "needs", "need", "wants", "want", NULL }))) {
		/* "needs", and nothing said of what */
		snprintf(out, size, "%s",
			 IN_LANG(lang, "What do you need, exactly?",
				 "De quoi avez-vous besoin, exactement" NNBSP "?"));
		goto out;
	}
	if (!asks(&p))
		lead = need_lead(&p, lang, &rest, &inf);
	if (!lead)
		rest = 0;
	/* "to be able to export", « pouvoir exporter »: the need as a verb */
	if (!lead && !asks(&p) && lang == RP_LANG_EN && p.n > 1 &&
	    word_is(&p, 0, lang, (const char *const[]){ "to", NULL })) {
		rest = 1;
		inf = true;
	} else if (!lead && !asks(&p) && fr && fr_infinitive(&p, 0)) {
		inf = true;
	}
	shift_person(&p, rest, lang);
	if (inf) {
		lower_first(&p, rest, lang);
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size,
		      IN_LANG(lang, "Why is it important for you to ",
			      starts_with_vowel(words) ? "Pourquoi est-ce important pour vous d'"
						       : "Pourquoi est-ce important pour vous de "),
		      words, IN_LANG(lang, "?", NNBSP "?"));
		goto out;
	}
	/* "What would the export by March make possible for you?" */
	if (!asks(&p) && has_det(&p, rest, lang, &many) && !is_clause(&p, rest, lang)) {
		lower_first(&p, rest, lang);
		finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size,
		      IN_LANG(lang, "What would ", many ? "Que vous apporteraient " : "Que vous apporterait "),
		      words, IN_LANG(lang, " make possible for you?", NNBSP "?"));
		goto out;
	}
	/* Said as it is, then the question: "Export to Excel by March — what
	** would that make possible for you?".  A French fragment keeps its
	** need (« Besoin de visibilité : … »); an English one reads on the
	** thing needed. */
	if (fr || is_clause(&p, rest, lang) || asks(&p))
		rest = 0;
	if (lead && rest == 0) {
		/* Said whole, and need_lead took the elision off « d'aide »:
		** the words again. */
		phrase_free(&p);
		phrase_split(&p, s);
		shift_person(&p, 0, lang);
	}
	finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
	upper_first(words);
	if (asks(&p))
		frame(out, size, "", words,
		      IN_LANG(lang, " What would that make possible for you?",
			      " Qu'est-ce que cela vous apporterait" NNBSP "?"));
	else
		frame(out, size, "", words,
		      IN_LANG(lang, " — what would that make possible for you?",
			      NNBSP ": qu'est-ce que cela vous apporterait" NNBSP "?"));
out:
	phrase_free(&p);
	free(s);
	return out;
}

/* An action's own "I'll" or « je vais »: the pin asks who, so the words
** quoted are the task ("write up the options"). */
static size_t
action_lead(const phrase *p, enum rp_lang lang)
{
	static const char *const en_one[] = { "i'll", "we'll", "will", "to", "must", NULL };
	static const char *const en_subj[] = { "i", "we", NULL };
	static const char *const en_two[] = { "will", "must", "should", "need", "have", NULL };
	static const char *const fr_subj[] = { "je", "on", "nous", "il", NULL };
	static const char *const fr_two[] = { "vais", "va", "allons", "dois", "doit", "devons",
					      "faut", NULL };
	size_t i = 0;

	if (lang == RP_LANG_EN) {
		if (word_is(p, 0, lang, en_one))
			i = 1;
		else if (word_is(p, 0, lang, en_subj) && word_is(p, 1, lang, en_two))
			i = 2;
		if (i > 0 && word_is(p, i, lang, (const char *const[]){ "to", NULL }))
			i++;
	} else if (word_is(p, 0, lang, fr_subj) && word_is(p, 1, lang, fr_two)) {
		i = 2;
	}
	return i < p->n ? i : 0;
}

/* The note's words as quoted in a sentence: first word lowered where it
** may be, nothing turned to "you" (a decision or an action is the
** meeting's, in its own words); an action without its "I'll". */
static char *
quoted(enum rp_lang lang, const char *note, bool action, char *out, size_t size)
{
	char *s = clean(note, true);
	size_t from;
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	free(s);
	from = action ? action_lead(&p, lang) : 0;
	lower_first(&p, from, lang);
	finish(&p, from, lang, SAY_NOTE_CHARS, out, size);
	phrase_free(&p);
	return out;
}

char *
say_confirm(enum rp_lang lang, const char *note, char *out, size_t size)
{
	char words[SAY_SIZE];

	quoted(lang, note, false, words, sizeof words);
	return frame(out, size, IN_LANG(lang, "Who owns \"", "Qui porte «" NNBSP), words,
		     IN_LANG(lang, "\", and by when?", NNBSP "», et pour quand" NNBSP "?"));
}

/* An action that names who does it at its start: "Bob to send the
** contract" (said "Bob send the contract", for "By when will …?"), « Bob
** envoie le contrat ».  Writes the words into out; 0 when it names none. */
static size_t
named_owner(enum rp_lang lang, const char *note, char *out, size_t size)
{
	char *s = clean(note, true), k[KEY_MAX];
	size_t found = 0;
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return 0;
	phrase_split(&p, s);
	free(s);
	if (p.n < 3 || !starts_upper(p.w[0]) || cased_inside(p.w[0]) ||
	    is_in(word_key(p.w[0], lang, k, NULL), common_words) || starts_upper(p.w[1]))
		goto out;
	word_key(p.w[1], lang, k, NULL);
	if (lang == RP_LANG_EN && (strcmp(k, "to") == 0 || strcmp(k, "will") == 0)) {
		free(p.w[1]);
		memmove(p.w + 1, p.w + 2, (p.n - 2) * sizeof *p.w);
		p.n--;
		found = 1;
	} else if (lang == RP_LANG_FR && !is_in(k, common_words) && !is_in(k, fr_dets) &&
		   !is_in(k, fr_preps) && strlen(k) > 2 &&
		   (k[strlen(k) - 1] == 'e' || k[strlen(k) - 1] == 't' || is_in(k, fr_verbs))) {
		found = 1;
	}
	if (found)
		finish(&p, 0, lang, SAY_NOTE_CHARS, out, size);
out:
	phrase_free(&p);
	return found;
}

char *
say_pin(enum rp_lang lang, const char *note, bool has_owner, bool has_due, char *out,
	size_t size)
{
	char words[SAY_SIZE];
	size_t by = 0;

	/* "Bob to send the contract", « Bob envoie le contrat »: the owner is
	** named, only the date is missing. */
	if (!has_owner && (by = named_owner(lang, note, words, sizeof words)) > 0) {
		if (has_due)
			return out[0] = '\0', out;
		if (lang == RP_LANG_FR)
			return frame(out, size, "", words, NNBSP ": pour quand" NNBSP "?");
		return frame(out, size, "By when will ", words, "?");
	}
	quoted(lang, note, true, words, sizeof words);
	if (!has_owner && !has_due)
		return frame(out, size, IN_LANG(lang, "Who will do \"", "Qui s'occupe de «" NNBSP),
			     words,
			     IN_LANG(lang, "\", and by when?", NNBSP "», et pour quand" NNBSP "?"));
	if (!has_owner)
		return frame(out, size, IN_LANG(lang, "Who will do \"", "Qui s'occupe de «" NNBSP),
			     words, IN_LANG(lang, "\"?", NNBSP "»" NNBSP "?"));
	return frame(out, size, IN_LANG(lang, "By when will \"", "Pour quand prévoit-on «" NNBSP),
		     words, IN_LANG(lang, "\" be done?", NNBSP "»" NNBSP "?"));
}

char *
say_question(enum rp_lang lang, const char *note, char *out, size_t size)
{
	char *s = clean(note, true), words[SAY_SIZE];
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	free(s);
	if (p.n > 0 && !asks(&p)) {
		char *last = p.w[p.n - 1], buf[KEY_MAX * 4];

		if (strlen(last) + 2 < sizeof buf) {
			snprintf(buf, sizeof buf, "%s?", last);
			phrase_set(&p, p.n - 1, buf);
		}
	}
	finish(&p, 0, lang, SAY_NOTE_CHARS, words, sizeof words);
	upper_first(words);
	frame(out, size, "", words,
	      IN_LANG(lang, " — answer now, or log it as an action",
		      " — à trancher maintenant, ou à noter comme action"));
	phrase_free(&p);
	return out;
}
