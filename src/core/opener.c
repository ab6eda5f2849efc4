/* opener.c: small-talk openers from a client's facts and a built-in library.
** See opener.h and DESIGN.md §3 (Prep).
**
** No language model: a fact's words are folded (case and accents gone) and
** matched against small keyword tables, English and French together, since
** a fact may be noted in either language whatever the PM reads.  The names a
** question needs (a place, a restaurant, a race) are the capitalised words
** after a preposition, copied as the PM wrote them.  When nothing fits, each
** kind has a plain question that is never wrong.  French says "vous" and
** puts a plain space before "?", as the rest of rapport does.
*/
#include "rapport/opener.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/person.h"
#include "rapport/text.h"

#define FROM_FACTS_MAX 4     /* the rest of the list comes from the library */
#define NAME_MAX_CPS 40      /* a place, restaurant or quoted excerpt, in characters */
#define EXCERPT_MIN_CPS 20   /* an excerpt is cut at a word only past this */
#define TOKENS_MAX 200       /* words looked at in one fact: keywords come early */
#define TOKEN_BYTES_MAX 64   /* longer words are never keywords: not folded */
#define FOLD_MAX 24          /* longest folded keyword, with its NUL */

/* One word of a fact: a run of letters and digits. */
struct token {
	size_t start, end;   /* bytes of the cleaned text */
	char fold[FOLD_MAX]; /* folded; "" when too long to be a keyword */
	bool cap;            /* begins with a capital letter */
	bool digit;          /* holds a digit: "Q3" and "8pm" are no names */
	bool joined;         /* only blanks, hyphens, apostrophes or '&' since the
			     ** previous word, so a name may run on across them */
};

struct fact_words {
	char *text;          /* sanitized, blanks collapsed; owned */
	size_t n;
	struct token tok[TOKENS_MAX];
};

/* A place named in a travel fact. */
struct place {
	size_t start, end;   /* the name: "Bali", "New York", "États-Unis" */
	size_t fr_start;     /* where the French words start: "la Réunion" keeps its "la" */
	const char *fr_prep; /* the fact's own French preposition, NULL when English */
	bool the;            /* English "the" before it: "the Maldives" */
};

/* A table entry: folded phrases separated by '|', and the question for it. */
struct rule {
	const char *words;
	const char *en, *fr;
};

/* The same idea at the same index in both languages: "lib:3" is one
** question, whatever language it was asked in. */
static const struct {
	const char *en, *fr;
} library[] = {
	{ "How has your week been so far?", "Comment se passe votre semaine ?" },
	{ "Any plans for the weekend?", "Des projets pour le week-end ?" },
	{ "Busy time of year for your team?", "C'est une période chargée pour votre équipe ?" },
	{ "Did you get some time off recently?", "Vous avez pu souffler un peu récemment ?" },
	{ "Has anything good happened since we last spoke?",
	  "Il s'est passé de bonnes choses depuis notre dernier échange ?" },
	{ "Have you read or watched anything good lately?",
	  "Vous avez lu ou vu quelque chose de bien récemment ?" },
	{ "How is the weather on your side?", "Quel temps fait-il de votre côté ?" },
	{ "Any holidays coming up?", "Des vacances en vue ?" },
	{ "How is the team doing these days?", "Comment va l'équipe en ce moment ?" },
	{ "What was the highlight of your week?", "Quel a été le temps fort de votre semaine ?" },
	{ "Been anywhere nice lately?", "Des escapades sympas récemment ?" },
	{ "How are you doing today?", "Comment allez-vous aujourd'hui ?" },
};

#define LIBRARY_COUNT (sizeof library / sizeof library[0])

/* Sports, most specific first: "run" is also an everyday verb, so running
** comes last.  The marathon is handled apart, as it may carry a name. */
static const struct rule sport_rules[] = {
	{ "tennis", "Still playing tennis? How's your game?",
	  "Vous jouez toujours au tennis ? Comment se passent les matchs ?" },
	{ "padel", "Still playing padel? How's your game?",
	  "Vous jouez toujours au padel ? Comment se passent les matchs ?" },
	{ "golf|golfer", "Still playing golf? How's your handicap?",
	  "Vous jouez toujours au golf ? Et ce handicap ?" },
	{ "ski|skiing|skier|skieur|skieuse", "Been skiing lately? How was the snow?",
	  "Vous avez pu skier récemment ? Comment était la neige ?" },
	{ "cycling|cyclist|bike|biking|bicycle|velo|cyclisme|cycliste",
	  "Still cycling? Any good rides lately?",
	  "Toujours à vélo ? De belles sorties récemment ?" },
	{ "yoga", "Still doing yoga? How's the practice going?",
	  "Vous faites toujours du yoga ? Comment se passe la pratique ?" },
	{ "swim|swimming|swimmer|natation|nage|nager|piscine",
	  "Still swimming? How's it going in the pool?",
	  "Vous nagez toujours ? Comment ça se passe à la piscine ?" },
	/* Bare "foot" is a body part in English: only the French turns. */
	{ "football|soccer|au foot|du foot|de foot|le foot",
	  "How's your football team doing?", "Comment va votre équipe de foot ?" },
	{ "climb|climbing|climber|bouldering|escalade|grimpe|grimper",
	  "Still climbing? Any good routes lately?",
	  "Vous grimpez toujours ? De belles voies récemment ?" },
	{ "run|running|runner|jogging|jog|footing|trail|course a pied|courir",
	  "Still running? How's the training going?",
	  "Vous courez toujours ? Comment se passe l'entraînement ?" },
};

/* Family, the event before the person ("his daughter's wedding" asks about
** the wedding), grandchildren before daughters ("petite-fille"), plurals
** before singulars.  French "son" is a possessive ("son chien"): the
** English son only counts after a word that can precede him. */
static const struct rule family_rules[] = {
	{ "wedding|got married|getting married|get married|marriage|mariage|se marie|"
	  "se marier|noces",
	  "How was the wedding?", "Comment s'est passé le mariage ?" },
	{ "baby|babies|newborn|bebe|nouveau ne|naissance", "How is the baby doing?",
	  "Comment va le bébé ?" },
	{ "grandchild|grandchildren|grandkid|granddaughter|grandson|petit enfant|"
	  "petite fille|petit fils",
	  "How are the grandchildren doing?", "Comment vont les petits-enfants ?" },
	{ "daughters|filles", "How are your daughters doing?", "Comment vont vos filles ?" },
	{ "daughter|fille", "How is your daughter doing?", "Comment va votre fille ?" },
	{ "two sons|three sons|his sons|her sons|their sons|my sons|the sons",
	  "How are your sons doing?", "Comment vont vos fils ?" },
	{ "fils|his son|her son|their son|my son|a son|the son|eldest son|youngest son|"
	  "older son|younger son|only son|little son",
	  "How is your son doing?", "Comment va votre fils ?" },
	{ "kid|kids|child|children|enfant", "How are the kids?", "Comment vont les enfants ?" },
};

static const struct rule hobby_rules[] = {
	{ "guitar|guitarist|guitare|guitariste", "How's the guitar going?",
	  "Et la guitare, ça avance ?" },
	{ "piano|pianist|pianiste", "How's the piano going?", "Et le piano, ça avance ?" },
	{ "painting|paint|painter|watercolour|watercolor|peinture|peint|peindre|aquarelle",
	  "How's the painting going?", "Et la peinture, ça avance ?" },
	{ "garden|gardening|gardener|allotment|jardin|jardinage|potager",
	  "How's the garden going?", "Et le jardin, ça pousse ?" },
	{ "photography|photographer|photo|camera|photographie|photographe",
	  "How's the photography going?", "Et la photo, ça avance ?" },
	{ "chess|echecs", "How's the chess going?", "Et les échecs, ça avance ?" },
	{ "reading|reader|book|novel|lecture|lire|livre|roman", "How's the reading going?",
	  "Vous lisez quelque chose de bien en ce moment ?" },
};

static const struct rule work_rules[] = {
	{ "promotion|promoted|promu|promue|new role|new job|new position|nouveau poste|"
	  "nouveau job|nouveau role|nouvelles fonctions|nouvelle fonction",
	  "How is the new role going?", "Comment se passe le nouveau poste ?" },
	{ "conference|summit|trade show|keynote|conf|congres|salon",
	  "How was the conference?", "Comment s'est passée la conférence ?" },
};

/* Capitalised words that are dates, not places or names ("in April"). */
static const char not_names[] =
	"january|february|march|april|may|june|july|august|september|october|november|"
	"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|"
	"xmas|easter|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
	"novembre|decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|noel|paques";

/* Small words inside a name: "Rio de Janeiro", "Saint-Jean-de-Luz". */
static const char connectors[] =
	"de|du|des|la|le|les|d|l|of|the|and|et|y|da|di|del|della|do|dos|van|von|der|den";

/* The French preposition a place wants when the fact did not say it (it
** was noted in English, or after "from").  Places not listed get "à", right
** for cities and islands, the usual destinations of a business trip. */
static const char fr_au[] =
	"portugal|japon|japan|canada|bresil|brazil|maroc|morocco|mexique|vietnam|danemark|"
	"denmark|perou|peru|chili|chile|senegal|liban|lebanon|cambodge|cambodia|kenya|"
	"costa rica|royaume-uni|united kingdom|uk|venezuela|guatemala|nicaragua|laos|nepal|"
	"pakistan|bangladesh|sri lanka|cameroun|cameroon|qatar|koweit|kuwait|rwanda|ghana|"
	"nigeria|texas|colorado";
static const char fr_aux[] =
	"etats-unis|etats unis|usa|us|pays-bas|netherlands|philippines|maldives|seychelles|"
	"bahamas|antilles|canaries|canary islands|baleares|balearic islands|emirats|uae|"
	"acores|azores|caraibes|caribbean|alps|alpes|highlands";
static const char fr_en[] =
	"france|espagne|spain|italie|italy|grece|greece|allemagne|germany|angleterre|england|"
	"irlande|ireland|ecosse|scotland|suisse|switzerland|belgique|belgium|autriche|austria|"
	"pologne|poland|croatie|croatia|slovenie|slovenia|hongrie|hungary|roumanie|romania|"
	"bulgarie|bulgaria|norvege|norway|suede|sweden|finlande|finland|islande|iceland|"
	"turquie|turkey|russie|russia|ukraine|chine|china|inde|india|thailande|thailand|"
	"indonesie|indonesia|malaisie|malaysia|coree|korea|coree du sud|south korea|"
	"australie|australia|nouvelle-zelande|new zealand|afrique du sud|south africa|"
	"egypte|egypt|tunisie|tunisia|algerie|algeria|jordanie|jordan|israel|iran|irak|iraq|"
	"argentine|argentina|colombie|colombia|bolivie|bolivia|equateur|ecuador|uruguay|"
	"ouganda|uganda|tanzanie|tanzania|ethiopie|ethiopia|namibie|namibia|corse|corsica|"
	"sardaigne|sardinia|sicile|sicily|toscane|tuscany|bretagne|brittany|normandie|"
	"normandy|provence|alsace|bourgogne|burgundy|dordogne|californie|california|floride|"
	"florida|asie|asia|europe|afrique|africa|amerique|america|amerique du sud|"
	"south america|amerique latine|latin america|scandinavie|scandinavia|laponie|"
	"lapland|patagonie|patagonia|andalousie|andalusia|catalogne|catalonia|crete";

static const char holiday_words[] = "holiday|vacation|vacances|conge";

/* ---- Cleaning and splitting a fact ------------------------------------- */

/* Letters and digits, Latin or not; punctuation, symbols and U+FFFD (what
** a control character became) separate words. */
static bool
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
		return false;
	if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F))
		return false;
	return true;
}

/* What may stand between two words of one name. */
static bool
is_joiner(uint32_t cp)
{
	return cp == ' ' || cp == '-' || cp == '\'' || cp == '&' || cp == 0xA0 ||
	       cp == 0x2010 || cp == 0x2011 || cp == 0x2019 || cp == 0x202F;
}

static bool
is_capital(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	       (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}

/* Fold one word into out (FOLD_MAX bytes): "" when it is too long to be a
** keyword, or when out of memory, as no match is the harmless answer. */
static void
fold_token(const char *s, size_t len, char *out)
{
	char tmp[TOKEN_BYTES_MAX];
	char *f;
	size_t flen;

	out[0] = '\0';
	if (len >= sizeof tmp)
		return;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	f = text_fold(tmp);
	if (f == NULL)
		return;
	flen = strlen(f);
	if (flen < FOLD_MAX)
		memcpy(out, f, flen + 1);
	free(f);
}

/* Sanitize text (controls and escape sequences neutralised, line breaks
** flattened) and collapse runs of blanks, so every name or excerpt copied
** from it is safe to show.  Returns a malloc'd string, NULL when out of
** memory. */
static char *
clean_text(const char *text)
{
	char *s = text_sanitize(text, " ");
	size_t i, o = 0;

	if (s == NULL)
		return NULL;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == ' ' && (o == 0 || s[o - 1] == ' '))
			continue;
		s[o++] = s[i];
	}
	if (o > 0 && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	return s;
}

static void
tokenize(struct fact_words *fw)
{
	const char *s = fw->text;
	size_t len = strlen(s), i = 0;
	bool clean_gap = true;  /* only joiners since the last word */
	uint32_t cp;
	int k;

	fw->n = 0;
	while (i < len && fw->n < TOKENS_MAX) {
		struct token *t = &fw->tok[fw->n];

		k = text_utf8_decode(s + i, len - i, &cp);
		if (k == 0 || !is_word_cp(cp)) {
			if (k == 0 || !is_joiner(cp))
				clean_gap = false;
			i += k == 0 ? 1 : (size_t)k;
			continue;
		}
		t->start = i;
		t->cap = is_capital(cp);
		t->digit = false;
		t->joined = fw->n > 0 && clean_gap;
		while (i < len) {
			k = text_utf8_decode(s + i, len - i, &cp);
			if (k == 0 || !is_word_cp(cp))
				break;
			if (cp >= '0' && cp <= '9')
				t->digit = true;
			i += (size_t)k;
		}
		t->end = i;
		fold_token(s + t->start, t->end - t->start, t->fold);
		fw->n++;
		clean_gap = true;
	}
}

/* ---- Matching words ---------------------------------------------------- */

/* True when folded word w is one of the '|'-separated entries of list. */
static bool
in_list(const char *w, const char *list)
{
	size_t wlen = strlen(w);
	const char *p = list, *bar;
	size_t n;

	if (wlen == 0)
		return false;
	for (;;) {
		bar = strchr(p, '|');
		n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == wlen && memcmp(p, w, n) == 0)
			return true;
		if (bar == NULL)
			return false;
		p = bar + 1;
	}
}

/* True when token t is the folded word w[0..n), or its plural in -s. */
static bool
token_is(const struct token *t, const char *w, size_t n)
{
	size_t len = strlen(t->fold);

	if (n == 0 || (len != n && !(len == n + 1 && t->fold[n] == 's')))
		return false;
	return memcmp(t->fold, w, n) == 0;
}

/* Index of the first token where phrase[0..plen) (folded words separated by
** single spaces) starts, or -1. */
static long
find_phrase(const struct fact_words *fw, const char *phrase, size_t plen)
{
	const char *end = phrase + plen;

	for (size_t i = 0; i < fw->n; i++) {
		const char *p = phrase;
		size_t j = i;

		while (p < end) {
			const char *sp = memchr(p, ' ', (size_t)(end - p));
			size_t wlen = sp ? (size_t)(sp - p) : (size_t)(end - p);

			if (j >= fw->n || !token_is(&fw->tok[j], p, wlen))
				break;
			j++;
			p += wlen + (sp ? 1 : 0);
		}
		if (p >= end)
			return (long)i;
	}
	return -1;
}

/* Index of the first token matching the first phrase of list ('|'
** separated) found in the fact, or -1. */
static long
find_any(const struct fact_words *fw, const char *list)
{
	const char *p = list, *bar;
	long at;

	for (;;) {
		bar = strchr(p, '|');
		at = find_phrase(fw, p, bar ? (size_t)(bar - p) : strlen(p));
		if (at >= 0 || bar == NULL)
			return at;
		p = bar + 1;
	}
}

/* The first rule, in table order, whose words the fact holds; NULL when
** none does. */
static const struct rule *
match_rules(const struct fact_words *fw, const struct rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (find_any(fw, rules[i].words) >= 0)
			return &rules[i];
	return NULL;
}

/* ---- Names ------------------------------------------------------------- */

/* Code points in s[start, end). */
static size_t
count_cps(const char *s, size_t start, size_t end)
{
	size_t n = 0;

	for (size_t i = start; i < end; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The end of the first max code points of s from start, before end. */
static size_t
cut_cps(const char *s, size_t start, size_t end, size_t max)
{
	size_t i = start, n = 0;

	while (i < end) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (n == max)
				break;
			n++;
		}
		i++;
	}
	return i;
}

static bool
can_name(const struct token *t)
{
	return t->cap && !t->digit && !in_list(t->fold, not_names);
}

/* The name starting at token i: capitalised words joined together, with
** connectors between them, at most NAME_MAX_CPS characters, whole words
** while they fit.  False when token i cannot begin a name. */
static bool
name_at(const struct fact_words *fw, size_t i, size_t *start, size_t *end)
{
	const struct token *t = fw->tok;
	size_t last = i, j = i + 1, k;

	if (i >= fw->n || !can_name(&t[i]))
		return false;
	*start = t[i].start;
	while (j < fw->n && t[j].joined) {
		k = j;
		if (!t[k].cap || t[k].digit) {
			if (!in_list(t[k].fold, connectors) || k + 1 >= fw->n || !t[k + 1].joined ||
			    !t[k + 1].cap || t[k + 1].digit)
				break;
			k++;
		}
		if (count_cps(fw->text, *start, t[k].end) > NAME_MAX_CPS)
			break;
		last = k;
		j = k + 1;
	}
	*end = t[last].end;
	/* One absurd word: cut it, at a character. */
	if (count_cps(fw->text, *start, *end) > NAME_MAX_CPS)
		*end = cut_cps(fw->text, *start, *end, NAME_MAX_CPS);
	return true;
}

/* "à" is folded to "a", the English article: tell them apart by the bytes. */
static bool
is_a_grave(const struct token *t)
{
	return strcmp(t->fold, "a") == 0 && t->end - t->start > 1;
}

/* The first place after a preposition ("to Bali", "in the Maldives",
** "à la Réunion", "aux États-Unis"); with from, after "from" instead. */
static bool
find_place(const struct fact_words *fw, bool from, struct place *pl)
{
	const struct token *t = fw->tok;

	for (size_t i = 0; i + 1 < fw->n; i++) {
		const char *fr = NULL;
		bool the = false;
		size_t j = i + 1;

		if (from) {
			if (strcmp(t[i].fold, "from") != 0)
				continue;
		} else if (is_a_grave(&t[i])) {
			fr = "à";
		} else if (strcmp(t[i].fold, "en") == 0) {
			fr = "en";
		} else if (strcmp(t[i].fold, "au") == 0) {
			fr = "au";
		} else if (strcmp(t[i].fold, "aux") == 0) {
			fr = "aux";
		} else if (strcmp(t[i].fold, "to") != 0 && strcmp(t[i].fold, "in") != 0) {
			continue;
		}
		if (!t[j].joined)
			continue;
		pl->fr_start = t[j].start;
		if (fr == NULL && !t[j].cap && strcmp(t[j].fold, "the") == 0) {
			the = true;
			j++;
		} else if (fr != NULL && strcmp(fr, "à") == 0 && !t[j].cap &&
			   (strcmp(t[j].fold, "la") == 0 || strcmp(t[j].fold, "l") == 0)) {
			j++;  /* "à la Réunion", "à l'Île-d'Yeu": French keeps the article */
		}
		if (j >= fw->n || !t[j].joined || !name_at(fw, j, &pl->start, &pl->end))
			continue;
		if (fr == NULL)
			pl->fr_start = pl->start;
		pl->fr_prep = fr;
		pl->the = the;
		return true;
	}
	return false;
}

/* The French preposition for a place the fact named in English. */
static const char *
fr_prep_for(const struct fact_words *fw, const struct place *pl)
{
	char tmp[4 * NAME_MAX_CPS + 1];
	size_t len = pl->end - pl->start;
	const char *prep = "à";
	char *f;

	if (len >= sizeof tmp)
		return prep;
	memcpy(tmp, fw->text + pl->start, len);
	tmp[len] = '\0';
	f = text_fold(tmp);
	if (f == NULL)
		return prep;
	if (in_list(f, fr_au))
		prep = "au";
	else if (in_list(f, fr_aux))
		prep = "aux";
	else if (in_list(f, fr_en))
		prep = "en";
	free(f);
	return prep;
}

/* The race's name around token m ("marathon"): "the Paris marathon",
** "marathon de Paris".  Capitalised words that open the fact are not taken,
** as the capital may only begin the sentence ("Runs Paris marathon"). */
static bool
marathon_name(const struct fact_words *fw, size_t m, size_t *start, size_t *end)
{
	const struct token *t = fw->tok;
	size_t k = m;

	while (k > 0 && t[k].joined && can_name(&t[k - 1]) &&
	       count_cps(fw->text, t[k - 1].start, t[m - 1].end) <= NAME_MAX_CPS)
		k--;
	if (k < m && k > 0) {
		*start = t[k].start;
		*end = t[m - 1].end;
		return true;
	}
	if (k < m)
		return false;
	return m + 2 < fw->n && t[m + 1].joined && in_list(t[m + 1].fold, "de|du|of|in") &&
	       t[m + 2].joined && name_at(fw, m + 2, start, end);
}

/* A restaurant: the name after "at", "chez" or "restaurant", or a name that
** itself begins with "Chez" ("Chez Janou"). */
static bool
restaurant_name(const struct fact_words *fw, size_t *start, size_t *end)
{
	const struct token *t = fw->tok;

	for (size_t i = 0; i + 1 < fw->n; i++) {
		if (!t[i + 1].joined)
			continue;
		if (t[i].cap && strcmp(t[i].fold, "chez") == 0 && t[i + 1].cap &&
		    name_at(fw, i, start, end))
			return true;
		if (in_list(t[i].fold, "at|chez|restaurant|resto") && name_at(fw, i + 1, start, end))
			return true;
	}
	return false;
}

/* ---- When a fact happens ---------------------------------------------- */

/* Words that say it did not happen.  Postponed is counted with cancelled:
** the PM notes the new date when there is one. */
static const char off_words[] =
	"cancelled|canceled|cancel|called off|call off|fell through|postponed|put off|"
	"annule|annulee|annulation|reporte|reportee|tombe a l eau|n a pas eu lieu";

/* Words that put an event ahead of the day it was noted, with how many
** days after that day it is surely over.  -1, -2, -3: the end of next
** week, month, year. */
enum { END_NEXT_WEEK = -1, END_NEXT_MONTH = -2, END_NEXT_YEAR = -3 };

static const struct {
	const char *words;
	int days;
} ahead_words[] = {
	{ "tomorrow|demain|apres demain|day after tomorrow", 2 },
	{ "tonight|ce soir|this weekend|ce week end|next weekend|le week end prochain", 7 },
	{ "next week|semaine prochaine|la semaine prochaine", END_NEXT_WEEK },
	{ "next month|mois prochain|le mois prochain", END_NEXT_MONTH },
	{ "next year|annee prochaine|l annee prochaine|an prochain", END_NEXT_YEAR },
	{ "soon|bientot|prochainement|upcoming|coming up|about to|planning|plans to|"
	  "looking forward|prevoit|projette|a venir|va bientot", 30 },
};

static const char months_en[] =
	"january|february|march|april|may|june|july|august|september|october|november|december";
static const char months_fr[] =
	"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";

/* What may come before a month name that names when ("in January",
** "early March", "fin mai", "12 June"): without one, "may" is a verb. */
static const char month_leads[] =
	"in|en|next|this|early|late|mid|end|by|until|of|debut|fin|mi|au|d|jusqu|des|from";

/* Words that put a month in the past: "back from Bali in January". */
static const char past_words[] =
	"back|came|returned|went|was|were|had|did|last|ago|dernier|derniere|rentre|rentree|"
	"revenu|revenue|etait|fini|finished|ended|over|passe|passee";

/* 1-12 when folded word w is a month's name, else 0. */
static int
month_of(const char *w)
{
	const char *lists[] = { months_en, months_fr };

	for (int l = 0; l < 2; l++) {
		const char *p = lists[l];

		for (int m = 1; m <= 12; m++) {
			const char *bar = strchr(p, '|');
			size_t n = bar ? (size_t)(bar - p) : strlen(p);

			if (strlen(w) == n && memcmp(p, w, n) == 0)
				return m;
			p = bar ? bar + 1 : p + n;
		}
	}
	return 0;
}

/* The last day of the month holding d, moved by `months`. */
static rp_date
month_end(rp_date d, int months)
{
	int m = d.month - 1 + months;
	rp_date e = { d.year + m / 12, m % 12 + 1, 1 };

	e.day = date_month_days(e.year, e.month);
	return e;
}

/* The day by which a relative word's event is over, from when it was noted. */
static rp_date
horizon(rp_date noted, int days)
{
	switch (days) {
	case END_NEXT_WEEK:
		return date_add_days(noted, 13 - date_weekday(noted));  /* 0 is Monday */
	case END_NEXT_MONTH:
		return month_end(noted, 1);
	case END_NEXT_YEAR:
		return (rp_date){ noted.year + 1, 12, 31 };
	default:
		return date_add_days(noted, days);
	}
}

/* "in 3 weeks", "dans 2 mois": the day it is over, or false. */
static bool
in_count(const struct fact_words *fw, rp_date noted, rp_date *end)
{
	for (size_t i = 0; i + 2 < fw->n; i++) {
		const struct token *t = &fw->tok[i + 1];
		const char *unit = fw->tok[i + 2].fold;
		long n;

		if (!in_list(fw->tok[i].fold, "in|dans") || !t->digit)
			continue;
		n = strtol(t->fold, NULL, 10);
		if (n <= 0 || n > 366)
			continue;
		if (token_is(&fw->tok[i + 2], "day", 3) || token_is(&fw->tok[i + 2], "jour", 4))
			*end = date_add_days(noted, n);
		else if (token_is(&fw->tok[i + 2], "week", 4) || in_list(unit, "semaine|semaines"))
			*end = date_add_days(noted, 7 * n + 7);
		else if (token_is(&fw->tok[i + 2], "month", 5) || strcmp(unit, "mois") == 0)
			*end = month_end(noted, (int)n);
		else
			continue;
		return true;
	}
	return false;
}

/* A month named as a when ("in January"), and not in the past: the end of
** its next turn from when the fact was noted (the same month counts). */
static bool
named_month(const struct fact_words *fw, rp_date noted, rp_date *end)
{
	if (find_any(fw, past_words) >= 0)
		return false;
	for (size_t i = 0; i < fw->n; i++) {
		int m = month_of(fw->tok[i].fold);
		bool lead = i > 0 && (in_list(fw->tok[i - 1].fold, month_leads) || fw->tok[i - 1].digit);

		if (m == 0 || !lead)
			continue;
		*end = month_end((rp_date){ noted.year, noted.month, 1 },
				 (m - noted.month + 12) % 12);
		return true;
	}
	return false;
}

static enum opener_tense
tense_of(const struct fact_words *fw, rp_date noted, rp_date today)
{
	rp_date end = { 0, 0, 0 };
	bool ahead = false;

	if (find_any(fw, off_words) >= 0)
		return OPENER_OFF;
	/* Without both days, its time is taken to be over. */
	if (!date_valid(noted.year, noted.month, noted.day) ||
	    !date_valid(today.year, today.month, today.day))
		return OPENER_PAST;
	for (size_t i = 0; !ahead && i < sizeof ahead_words / sizeof ahead_words[0]; i++)
		if (find_any(fw, ahead_words[i].words) >= 0) {
			end = horizon(noted, ahead_words[i].days);
			ahead = true;
		}
	if (!ahead)
		ahead = in_count(fw, noted, &end) || named_month(fw, noted, &end);
	return ahead && date_to_days(today) <= date_to_days(end) ? OPENER_AHEAD : OPENER_PAST;
}

enum opener_tense
opener_fact_tense(const char *text, rp_date learned_on, rp_date today)
{
	struct fact_words *fw = calloc(1, sizeof *fw);
	enum opener_tense t = OPENER_PAST;

	if (fw == NULL)
		return t;
	if ((fw->text = clean_text(text ? text : "")) != NULL) {
		tokenize(fw);
		t = tense_of(fw, learned_on, today);
	}
	free(fw->text);
	free(fw);
	return t;
}

bool
opener_fact_stale(const opener_fact *f, rp_date today)
{
	if (f->done)
		return true;
	return f->until.year && date_valid(today.year, today.month, today.day) &&
	       date_to_days(today) > date_to_days(f->until);
}

/* ---- Writing a question ------------------------------------------------- */

struct buf {
	char *s;     /* OPENER_TEXT_MAX bytes */
	size_t len;
	bool name_first;  /* it begins with words of the fact: keep their case */
};

/* Append s[0..n), cut at a character if it would not fit.  The limits on
** names keep every question well inside; this only guards the array. */
static void
put_n(struct buf *b, const char *s, size_t n)
{
	size_t room = OPENER_TEXT_MAX - 1 - b->len;

	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
put(struct buf *b, const char *s)
{
	put_n(b, s, strlen(s));
}

static void
put_span(struct buf *b, const struct fact_words *fw, size_t start, size_t end)
{
	if (b->len == 0)
		b->name_first = true;
	put_n(b, fw->text + start, end - start);
}

static void
put_rule(struct buf *b, const struct rule *r, enum rp_lang lang, const char *en,
	 const char *fr)
{
	if (r != NULL)
		put(b, lang == RP_LANG_FR ? r->fr : r->en);
	else
		put(b, lang == RP_LANG_FR ? fr : en);
}

static void
travel_opener(const struct fact_words *fw, enum rp_lang lang, struct buf *b)
{
	bool holiday = find_any(fw, holiday_words) >= 0;
	struct place pl;
	bool found;

	found = find_place(fw, false, &pl) || find_place(fw, true, &pl);
	if (lang == RP_LANG_FR) {
		put(b, holiday ? "Comment se sont passées vos vacances"
			       : "Comment s'est passé votre voyage");
		if (found) {
			put(b, " ");
			put(b, pl.fr_prep ? pl.fr_prep : fr_prep_for(fw, &pl));
			put(b, " ");
			put_span(b, fw, pl.fr_start, pl.end);
		}
		put(b, " ?");
		return;
	}
	if (!found) {
		put(b, holiday ? "How was your holiday?" : "How was your trip?");
		return;
	}
	/* "How was the Maldives?" would not do: plural names keep a frame. */
	if (holiday && pl.the)
		put(b, "How was your holiday in the ");
	else if (holiday)
		put(b, "How was ");
	else
		put(b, pl.the ? "How was your trip to the " : "How was your trip to ");
	put_span(b, fw, pl.start, pl.end);
	put(b, "?");
}

static void
sport_opener(const struct fact_words *fw, enum rp_lang lang, struct buf *b)
{
	long m = find_any(fw, "marathon");
	size_t start, end;

	if (m < 0) {
		put_rule(b, match_rules(fw, sport_rules, sizeof sport_rules / sizeof sport_rules[0]),
			 lang, "How's the sport going — still at it?", "Et le sport, vous continuez ?");
		return;
	}
	if (!marathon_name(fw, (size_t)m, &start, &end)) {
		put(b, lang == RP_LANG_FR ? "Comment se passe la préparation du marathon ?"
					 : "How is the training for the marathon going?");
		return;
	}
	if (lang == RP_LANG_FR) {
		put(b, "Comment se passe la préparation du marathon de ");
		put_span(b, fw, start, end);
		put(b, " ?");
	} else {
		put(b, "How is the training for the ");
		put_span(b, fw, start, end);
		put(b, " marathon going?");
	}
}

static void
food_opener(const struct fact_words *fw, enum rp_lang lang, struct buf *b)
{
	size_t start, end;

	if (!restaurant_name(fw, &start, &end)) {
		put(b, lang == RP_LANG_FR ? "Vous avez découvert de bonnes adresses récemment ?"
					 : "Tried any good restaurants lately?");
		return;
	}
	/* French puts the name first: "chez Le Comptoir" or "à Le Comptoir"
	** would be wrong, and "retourné" would need the reader's gender. */
	if (lang == RP_LANG_FR) {
		put_span(b, fw, start, end);
		put(b, ", vous avez eu l'occasion d'y retourner ?");
	} else {
		put(b, "Been back to ");
		put_span(b, fw, start, end);
		put(b, " lately?");
	}
}

/* The fact itself, quoted: at most NAME_MAX_CPS characters, cut at a word
** past EXCERPT_MIN_CPS when it can be, with "…" when cut.  False when
** nothing is left to quote. */
static bool
other_opener(const struct fact_words *fw, enum rp_lang lang, bool ahead, struct buf *b)
{
	const char *s = fw->text;
	size_t len = strlen(s), end = len;
	bool cut = false;

	if (count_cps(s, 0, len) > NAME_MAX_CPS) {
		cut = true;
		end = cut_cps(s, 0, len, NAME_MAX_CPS - 1);  /* room for the "…" */
		for (size_t i = end; i > 0; i--) {
			if (s[i - 1] == ' ' && count_cps(s, 0, i - 1) >= EXCERPT_MIN_CPS) {
				end = i - 1;
				break;
			}
		}
	}
	while (end > 0 && strchr(" .,;:", s[end - 1]) != NULL)
		end--;
	if (end == 0)
		return false;
	put(b, lang == RP_LANG_FR ? "La dernière fois, vous avez mentionné « "
				 : "Last time you mentioned \"");
	put_n(b, s, end);
	if (cut)
		put(b, "…");
	if (ahead)
		put(b, lang == RP_LANG_FR ? " » — où en sont les préparatifs ?"
					 : "\" — how are the plans coming along?");
	else
		put(b, lang == RP_LANG_FR ? " » — comment ça s'est passé ?" : "\" — how did that go?");
	return true;
}

/* A trip still ahead: "Looking forward to your trip to Bali?". */
static void
travel_ahead(const struct fact_words *fw, enum rp_lang lang, struct buf *b)
{
	bool holiday = find_any(fw, holiday_words) >= 0;
	struct place pl;
	bool found = find_place(fw, false, &pl);

	if (lang == RP_LANG_FR) {
		put(b, "Vous avez hâte de partir");
		if (found) {
			put(b, " ");
			put(b, pl.fr_prep ? pl.fr_prep : fr_prep_for(fw, &pl));
			put(b, " ");
			put_span(b, fw, pl.fr_start, pl.end);
		} else {
			put(b, holiday ? " en vacances" : " en voyage");
		}
		put(b, " ?");
		return;
	}
	put(b, holiday ? "Looking forward to your holiday" : "Looking forward to your trip");
	if (found) {
		put(b, holiday ? (pl.the ? " in the " : " in ") : (pl.the ? " to the " : " to "));
		put_span(b, fw, pl.start, pl.end);
	}
	put(b, "?");
}

/* "Zoë, how was your trip?": the person's first name first (a small talk
** question is asked by first name), the question's first letter lowered
** unless the question begins with a name. */
static void
name_person(const char *who, const struct buf *q, char *out)
{
	char *name = clean_text(who);
	struct buf b = { out, 0, false };
	size_t len;

	out[0] = '\0';
	if (name == NULL || *name == '\0') {
		snprintf(out, OPENER_TEXT_MAX, "%s", q->s);
		free(name);
		return;
	}
	len = strcspn(name, " ");
	put_n(&b, name, cut_cps(name, 0, len, NAME_MAX_CPS));
	put(&b, ", ");
	len = b.len;
	put(&b, q->s);
	if (!q->name_first && out[len] >= 'A' && out[len] <= 'Z')
		out[len] = (char)(out[len] - 'A' + 'a');
	free(name);
}

static bool
ascii_iequal(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;

		if (x != y)
			return false;
	}
	return *a == *b;
}

/* Write the opener for f into out (OPENER_TEXT_MAX bytes).  False when the
** fact gives nothing to ask (an "other" fact without words) or when out of
** memory: the fact is then left out. */
static bool
fact_opener(const opener_fact *f, enum rp_lang lang, rp_date today, char *out)
{
	const char *kind = f->kind ? f->kind : "other";
	const char *text = f->text ? f->text : "", *rest;
	char question[OPENER_TEXT_MAX], lead[64];
	struct fact_words *fw;
	struct buf b = { question, 0, false };
	enum opener_tense tense;
	bool ok = true;

	out[0] = question[0] = '\0';
	fw = calloc(1, sizeof *fw);
	if (fw == NULL)
		return false;
	/* "Zoë: back from Bali" is asked of Zoë about "back from Bali". */
	if (f->person && *f->person && person_fact_lead(text, lead, sizeof lead, &rest) && *rest)
		text = rest;
	fw->text = clean_text(text);
	if (fw->text == NULL) {
		ok = false;
		goto out;
	}
	tokenize(fw);
	tense = tense_of(fw, f->learned_on, today);
	if (tense == OPENER_OFF)
		ok = false;  /* nothing to ask about what did not happen */
	else if (tense == OPENER_AHEAD && ascii_iequal(kind, "travel"))
		travel_ahead(fw, lang, &b);
	else if (tense == OPENER_AHEAD && !ascii_iequal(kind, "sport"))
		ok = other_opener(fw, lang, true, &b);
	else if (ascii_iequal(kind, "travel"))
		travel_opener(fw, lang, &b);
	else if (ascii_iequal(kind, "sport"))
		sport_opener(fw, lang, &b);
	else if (ascii_iequal(kind, "food"))
		food_opener(fw, lang, &b);
	else if (ascii_iequal(kind, "family"))
		put_rule(&b, match_rules(fw, family_rules, sizeof family_rules / sizeof family_rules[0]),
			 lang, "How is the family?", "Comment va la famille ?");
	else if (ascii_iequal(kind, "hobby"))
		put_rule(&b, match_rules(fw, hobby_rules, sizeof hobby_rules / sizeof hobby_rules[0]),
			 lang, "Had time for your hobbies lately?",
			 "Vous avez eu du temps pour vos loisirs récemment ?");
	else if (ascii_iequal(kind, "work"))
		put_rule(&b, match_rules(fw, work_rules, sizeof work_rules / sizeof work_rules[0]),
			 lang, "How are things on your side at work?",
			 "Comment ça se passe au travail de votre côté ?");
	else
		ok = other_opener(fw, lang, false, &b);
	if (ok && f->person && *f->person)
		name_person(f->person, &b, out);
	else if (ok)
		memcpy(out, question, b.len + 1);
out:
	free(fw->text);
	free(fw);
	return ok;
}

/* ---- Ranking ------------------------------------------------------------ */

struct candidate {
	opener o;
	int64_t used;    /* days of the last use, when was_used */
	bool was_used;
	bool recent;     /* used on the latest date anything was used */
	size_t order;    /* rank before rotation: newest fact, library index */
};

/* Never used first, then the oldest use; ties keep the order before. */
static int
candidate_cmp(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->was_used != y->was_used)
		return x->was_used ? 1 : -1;
	if (x->was_used && x->used != y->used)
		return x->used < y->used ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Mark c with its key's latest use; recent when that is the latest date of
** all.  Uses without a key or with an impossible date are ignored. */
static void
mark_uses(struct candidate *c, const opener_use *uses, size_t nuses, bool any, int64_t latest)
{
	c->was_used = false;
	for (size_t i = 0; i < nuses; i++) {
		const opener_use *u = &uses[i];
		int64_t d;

		if (u->key == NULL || strcmp(u->key, c->o.key) != 0 ||
		    !date_valid(u->used_on.year, u->used_on.month, u->used_on.day))
			continue;
		d = date_to_days(u->used_on);
		if (!c->was_used || d > c->used) {
			c->used = d;
			c->o.last_used = u->used_on;
			c->was_used = true;
		}
	}
	c->recent = any && c->was_used && c->used == latest;
}

struct fact_order {
	int64_t days, id;
	size_t index;
};

/* Newest learned first; the same day, the later fact (higher id) first. */
static int
fact_order_cmp(const void *a, const void *b)
{
	const struct fact_order *x = a, *y = b;

	if (x->days != y->days)
		return x->days < y->days ? 1 : -1;
	if (x->id != y->id)
		return x->id < y->id ? 1 : -1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Openers from the newest facts into c (at most max), skipping facts with
** nothing to ask and questions already there.  Returns the count. */
static size_t
fact_candidates(const opener_fact *facts, size_t nfacts, enum rp_lang lang, rp_date today,
		struct candidate *c, size_t max)
{
	struct fact_order *order;
	size_t n = 0;

	if (facts == NULL || nfacts == 0 || max == 0)
		return 0;
	order = malloc(nfacts * sizeof *order);
	if (order == NULL)
		return 0;
	for (size_t i = 0; i < nfacts; i++) {
		order[i].days = date_to_days(facts[i].learned_on);
		order[i].id = facts[i].id;
		order[i].index = i;
	}
	qsort(order, nfacts, sizeof *order, fact_order_cmp);
	for (size_t i = 0; i < nfacts && n < max; i++) {
		const opener_fact *f = &facts[order[i].index];
		struct candidate *cand = &c[n];
		bool dup = false;

		memset(cand, 0, sizeof *cand);
		if (opener_fact_stale(f, today) || !fact_opener(f, lang, today, cand->o.text))
			continue;
		for (size_t j = 0; j < n; j++)
			dup = dup || strcmp(c[j].o.text, cand->o.text) == 0;
		if (dup)
			continue;
		snprintf(cand->o.key, sizeof cand->o.key, "fact:%" PRId64, f->id);
		cand->o.fact_id = f->id;
		cand->order = n;
		n++;
	}
	free(order);
	return n;
}

/* Openers from facts first, newest first, then the library to fill up;
** within each group the never used first, then the oldest use.  An opener
** asked at the last meeting (the latest use date of all) goes after the
** others, so it only leads when nothing else is left. */
size_t
opener_generate(const opener_fact *facts, size_t nfacts, const opener_use *uses, size_t nuses,
		enum rp_lang lang, opener *out, size_t max)
{
	return opener_generate_on(facts, nfacts, uses, nuses, lang, (rp_date){ 0, 0, 0 }, out,
				  max);
}

size_t
opener_generate_on(const opener_fact *facts, size_t nfacts, const opener_use *uses,
		   size_t nuses, enum rp_lang lang, rp_date today, opener *out, size_t max)
{
	struct candidate fc[FROM_FACTS_MAX], lc[LIBRARY_COUNT];
	const struct candidate *pick[OPENERS_MAX];
	size_t nf, nl, n = 0, i;
	int64_t latest = 0;
	bool any = false;

	if (out == NULL || max == 0)
		return 0;
	if (max > OPENERS_MAX)
		max = OPENERS_MAX;
	if (lang != RP_LANG_FR)
		lang = RP_LANG_EN;
	if (uses == NULL)
		nuses = 0;
	for (i = 0; i < nuses; i++) {
		const rp_date d = uses[i].used_on;

		if (uses[i].key == NULL || !date_valid(d.year, d.month, d.day))
			continue;
		if (!any || date_to_days(d) > latest)
			latest = date_to_days(d);
		any = true;
	}

	nf = fact_candidates(facts, nfacts, lang, today, fc, max < FROM_FACTS_MAX ? max : FROM_FACTS_MAX);
	for (i = 0; i < nf; i++)
		mark_uses(&fc[i], uses, nuses, any, latest);
	for (i = 0; i < LIBRARY_COUNT; i++) {
		memset(&lc[i], 0, sizeof lc[i]);
		snprintf(lc[i].o.key, sizeof lc[i].o.key, "lib:%zu", i);
		snprintf(lc[i].o.text, sizeof lc[i].o.text, "%s",
			 lang == RP_LANG_FR ? library[i].fr : library[i].en);
		lc[i].order = i;
		mark_uses(&lc[i], uses, nuses, any, latest);
	}
	qsort(fc, nf, sizeof fc[0], candidate_cmp);
	qsort(lc, LIBRARY_COUNT, sizeof lc[0], candidate_cmp);
	nl = max - nf < LIBRARY_COUNT ? max - nf : LIBRARY_COUNT;

	for (i = 0; i < nf; i++)
		if (!fc[i].recent)
			pick[n++] = &fc[i];
	for (i = 0; i < nl; i++)
		if (!lc[i].recent)
			pick[n++] = &lc[i];
	for (i = 0; i < nf; i++)
		if (fc[i].recent)
			pick[n++] = &fc[i];
	for (i = 0; i < nl; i++)
		if (lc[i].recent)
			pick[n++] = &lc[i];

	/* Facts filled the list and were all asked last time: the freshest
	** library question takes the lead, the last fact makes room. */
	if (n > 0 && pick[0]->recent && nl == 0 && !lc[0].recent) {
		memmove(&pick[1], &pick[0], (n < max ? n : max - 1) * sizeof pick[0]);
		pick[0] = &lc[0];
		n = n < max ? n + 1 : max;
	}
	for (i = 0; i < n; i++)
		out[i] = pick[i]->o;
	return n;
}

