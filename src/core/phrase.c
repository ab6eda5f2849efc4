/* phrase.c: a note's words, for saying them back.  See phrase.h.
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
**   - the client's "I", "my", "we" become "you", "your"; « je pense »
**     becomes « vous pensez », « nous avons » « vous avez »;
**   - a word is matched by its key: folded, its punctuation and any French
**     elided article off ("l'équipe" is "equipe").
*/
#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/date.h"
#include "rapport/text.h"

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
char *
phrase_clean(const char *text, bool tags)
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

void
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
void
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
void
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
void
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
size_t
phrase_lead_punct(const char *w)
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
size_t
phrase_elision(const char *w)
{
	static const char *const heads[] = { "jusqu", "lorsqu", "puisqu", "qu", "l", "d", "j",
					     "m", "n", "s", "t", "c", NULL };
	size_t at = phrase_lead_punct(w);

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
const char *
phrase_key(const char *w, enum rp_lang lang, char *buf, char *el)
{
	size_t start = phrase_lead_punct(w), end, e = lang == RP_LANG_FR ? phrase_elision(w) : 0, o = 0;
	char tmp[KEY_MAX];

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
	if (!text_fold_into(tmp, o, buf, KEY_MAX))
		buf[0] = '\0';
	return buf;
}

bool
phrase_in(const char *key, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(key, list[i]) == 0)
			return true;
	return false;
}

bool
phrase_word_is(const phrase *p, size_t i, enum rp_lang lang, const char *const *list)
{
	char k[KEY_MAX];

	return i < p->n && phrase_in(phrase_key(p->w[i], lang, k, NULL), list);
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

const char *const phrase_en_dets[] = {
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

const char *const phrase_fr_verbs[] = {
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

const char *const phrase_fr_dets[] = {
	"le", "la", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "mon", "ma",
	"mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur",
	"leurs", "quelques", "plusieurs", "aucun", "aucune", "chaque", "tout", "toute", "tous",
	"toutes", "deux", "trois", "quatre", "cinq", "dix", "plus", "davantage", "moins", NULL
};

const char *const phrase_fr_preps[] = {
	"de", "a", "au", "aux", "en", "pour", "par", "sur", "avec", "sans", "sous", "chez",
	"entre", "vers", "dans", "contre", "mot", NULL
};

/* Words that may open a note in lower case when typed with a capital: a
** note's first letter is lowered for the middle of a sentence only when it
** is one of these, or the word is one the lists above know; any other word
** may be a name ("Alice", "Acme") and keeps its capital. */
const char *const phrase_common_words[] = {
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
const char *const phrase_en_worries[] = {
	"worried", "concerned", "afraid", "scared", "nervous", "anxious", "worry", "worries",
	"fear", "fears", "fearful", "uneasy", "wary", "frightened", NULL
};

const char *const phrase_fr_worries_inquiet[] = {
	"inquiet", "inquiete", "inquiets", "inquietes", "soucieux", "soucieuse", "soucieuses",
	"anxieux", "anxieuse", "anxieuses", "stresse", "stressee", "stresses", "stressees",
	"nerveux", "nerveuse", "nerveuses", "inquietude", "inquietudes", "souci", "soucis",
	NULL
};

const char *const phrase_fr_worries_peur[] = {
	"peur", "peurs", "crainte", "craintes", "craint", "crains", "craignons", "craignent",
	"redoute", "redoutent", "redoutons", NULL
};

/* Adjectives of worry: "the CFO is worried", « la DSI est inquiète ». */
const char *const phrase_en_worried_adj[] = {
	"worried", "concerned", "afraid", "scared", "nervous", "anxious", "uneasy", "wary", NULL
};

const char *const phrase_fr_worried_adj[] = {
	"inquiet", "inquiete", "inquiets", "inquietes", "soucieux", "soucieuse", "soucieuses",
	"anxieux", "anxieuse", "anxieuses", "stresse", "stressee", "stresses", "stressees",
	"nerveux", "nerveuse", "nerveuses", NULL
};

const char *const phrase_fr_plural_adj[] = {
	"inquiets", "inquietes", "soucieuses", "anxieuses", "stresses", "stressees", "nerveuses",
	NULL
};

/* Softeners between the subject and the worry: "very worried", « un peu
** inquiet », « une grosse crainte ». */
const char *const phrase_softeners[] = {
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
bool
phrase_cased_inside(const char *w)
{
	size_t at = phrase_lead_punct(w);

	if (w[at] == '\0')
		return false;
	for (size_t i = at + 1; w[i]; i++)
		if (w[i] >= 'A' && w[i] <= 'Z')
			return true;
	return false;
}

/* Does w open with a capital (a name, once lower_first has passed)? */
bool
phrase_upper(const char *w)
{
	unsigned char c = (unsigned char)w[phrase_lead_punct(w)];

	return (c >= 'A' && c <= 'Z') ||
	       (c == 0xC3 && (unsigned char)w[phrase_lead_punct(w) + 1] >= 0x80 &&
		(unsigned char)w[phrase_lead_punct(w) + 1] <= 0x9E);
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
void
phrase_lower_first(phrase *p, size_t first, enum rp_lang lang)
{
	char k[KEY_MAX], el[8];
	char *w;
	size_t at;

	if (first >= p->n)
		return;
	w = p->w[first];
	at = phrase_lead_punct(w);
	phrase_key(w, lang, k, el);
	if (el[0] != '\0') {
		lower_at(w, at);
		return;
	}
	if (phrase_cased_inside(w) && strlen(k) > 1)
		return;
	/* "I" and "I'll" stay "I" wherever they are. */
	if (w[at] == 'I' && (w[at + 1] == '\0' || w[at + 1] == '\'' || strncmp(w + at + 1, "’", 3) == 0))
		return;
	if (phrase_in(k, phrase_common_words) ||
	    phrase_in(k, lang == RP_LANG_FR ? phrase_fr_dets : phrase_en_dets) ||
	    phrase_in(k, lang == RP_LANG_FR ? fr_subjects : en_subjects) ||
	    phrase_in(k, lang == RP_LANG_FR ? phrase_fr_preps : en_preps) ||
	    phrase_in(k, lang == RP_LANG_FR ? phrase_fr_verbs : en_verbs))
		lower_at(w, at);
}

void
phrase_upper_first(char *s)
{
	upper_at(s, phrase_lead_punct(s));
}

bool
phrase_vowel_first(const char *w)
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
bool
phrase_que_elides(const char *w)
{
	w += phrase_lead_punct(w);
	return phrase_vowel_first(w) && *w != 'h' && *w != 'H';
}

/* ---- Grammar -------------------------------------------------------------- */

/* Does the phrase from word `from` read as a clause (it has a verb)? */
bool
phrase_is_clause(const phrase *p, size_t from, enum rp_lang lang)
{
	const char *const *subjects = lang == RP_LANG_FR ? fr_subjects : en_subjects;
	const char *const *verbs = lang == RP_LANG_FR ? phrase_fr_verbs : en_verbs;
	const char *const *dets = lang == RP_LANG_FR ? phrase_fr_dets : phrase_en_dets;
	const char *const *preps = lang == RP_LANG_FR ? phrase_fr_preps : en_preps;
	char k[KEY_MAX], prev[KEY_MAX] = "", el[8];

	for (size_t i = from; i < p->n; i++) {
		size_t len;

		phrase_key(p->w[i], lang, k, el);
		len = strlen(k);
		/* « j'ai », « n'est », « c'est », « qu'on », « s'il », « m'a »; not
		** « l'API », « d'ici », « jusqu'en » */
		if (lang == RP_LANG_FR && el[0] && strcmp(el, "l") != 0 && strcmp(el, "d") != 0 &&
		    strcmp(el, "jusqu") != 0)
			return true;
		/* "IT" is a department, not "it" */
		if (i == from && phrase_in(k, subjects) && !(phrase_cased_inside(p->w[i]) && len > 1))
			return true;
		if (lang == RP_LANG_EN && len > 3 &&
		    (strcmp(k + len - 3, "n't") == 0 || strcmp(k + len - 3, "'re") == 0 ||
		     strcmp(k + len - 3, "'ll") == 0 || strcmp(k + len - 3, "'ve") == 0))
			return true;
		if (lang == RP_LANG_FR && (strcmp(k, "ne") == 0 || strcmp(k, "y") == 0))
			return true;
		/* folded, « à » is « a »: only the verb has no accent */
		if (i > from && phrase_in(k, verbs) && !phrase_in(prev, dets) && !phrase_in(prev, preps) &&
		    el[0] == '\0' &&
		    !(lang == RP_LANG_FR && strncmp(p->w[i] + phrase_lead_punct(p->w[i]), "à", 2) == 0))
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
void
phrase_swap(phrase *p, size_t i, const char *to, size_t keep_head)
{
	const char *w = p->w[i];
	size_t start = keep_head ? keep_head : phrase_lead_punct(w), end;
	char buf[KEY_MAX * 2 + 16];

	end = trail_punct(w, start);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(keep_head ? keep_head : phrase_lead_punct(w)), w,
		 to, w + end);
	phrase_set(p, i, buf);
}

/* The client's first person, turned to the second, from word `from`. */
void
phrase_shift_person(phrase *p, size_t from, enum rp_lang lang)
{
	char k[KEY_MAX], el[8], conj[KEY_MAX + 8];
	int pending = 0;  /* 1: a verb after « je » is due, 2: after « nous », 3: after "I" */

	for (size_t i = from; i < p->n && !p->oom; i++) {
		const char *w = p->w[i];
		const char *to = NULL;

		phrase_key(w, lang, k, el);
		if (lang == RP_LANG_EN) {
			if (pending == 3 && (strcmp(k, "am") == 0 || strcmp(k, "was") == 0 ||
					     strcmp(k, "wasn't") == 0)) {
				phrase_swap(p, i, strcmp(k, "am") == 0	  ? "are"
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
				phrase_swap(p, i, to, 0);
			}
			continue;
		}
		/* French: « j'ai » « vous avez », « m'inquiète » « vous inquiète »,
		** « n'ai » after « je » « n'avez ». */
		if (strcmp(el, "j") == 0 || strcmp(el, "m") == 0) {
			size_t e = phrase_elision(w);
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
					phrase_swap(p, i, v, phrase_elision(w));
				pending = v != NULL ? 0 : pending;
				if (v != NULL)
					continue;
			}
			if (strcmp(k, "ne") == 0 || strcmp(k, "en") == 0 || strcmp(k, "y") == 0 ||
			    strcmp(k, "le") == 0 || strcmp(k, "la") == 0 || strcmp(k, "les") == 0 ||
			    strcmp(k, "lui") == 0 || strcmp(k, "leur") == 0)
				continue;
			if (strcmp(k, "me") == 0 || strcmp(k, "nous") == 0) {
				phrase_swap(p, i, "vous", 0);
				continue;
			}
			{
				const char *v = pending == 1 ? fr_vous_of_je(k, conj, sizeof conj)
							     : fr_vous_of_nous(k, conj, sizeof conj);

				pending = 0;
				if (v != NULL) {
					phrase_swap(p, i, v, 0);
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
			size_t nl = strlen(phrase_key(p->w[i + 1], lang, nk, NULL));

			if (nl > 3 && (strcmp(nk + nl - 3, "ons") == 0 || strcmp(nk, "sommes") == 0 ||
				       strcmp(nk, "ne") == 0 || strncmp(p->w[i + 1], "n'", 2) == 0))
				pending = 2;
		}
		phrase_swap(p, i, to, 0);
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
		phrase_key(sp + 1, lang, k, NULL);
		if (!phrase_in(k, dangling))
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
void
phrase_fr_typography(const char *s, char *out, size_t size)
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
char *
phrase_finish(const phrase *p, size_t from, enum rp_lang lang, size_t max_chars, char *out,
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
		phrase_fr_typography(s, out, size);
	else
		text_copy_cut(out, size, s, max_chars + 1);
	free(s);
	return out;
}
