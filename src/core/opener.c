/* opener.c: small-talk openers from a client's facts and a built-in library.
** See opener.h and DESIGN.md §3 (Prep).
**
** No language model: a fact's words are folded (case and accents gone) and
** matched against small keyword tables, English and French together, since
** a fact may be noted in either language whatever the PM reads.  The names a
** question needs (a place, a restaurant, a race) are the capitalised words
** after a preposition, copied as the PM wrote them.  When nothing fits, each
** kind has a plain question that is never wrong.  French says "vous", with
** a narrow no-break space before "?" and inside « ».
**
** A fact is asked about by when it happens (opener_fact_tense()): forward
** while it is ahead, how it went once over, for news when nothing dates it,
** for a new date when it was put off; and by what it is about: an event
** (a trip, a talk, a move, a wedding…) has a name in both languages, the
** rest is quoted, with "my" turned to "your" by the fact's own language.
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
#define NAME_MAX_CPS 40      /* a place or a restaurant, in characters */
#define TOKENS_MAX 200       /* words looked at in one fact: keywords come early */
#define TOKEN_BYTES_MAX 64   /* longer words are never keywords: not folded */
#define FOLD_MAX 24          /* longest folded keyword, with its NUL */

/* One word of a fact: a run of letters and digits. */
struct token {
	size_t start, end;   /* bytes of the cleaned text */
	char fold[FOLD_MAX]; /* folded; "" when too long to be a keyword */
	bool cap;            /* begins with a capital letter */
	bool digit;          /* holds a digit: "Q3" and "8pm" are no names */
	bool cjk;            /* Chinese, Japanese or Korean: a name without capitals */
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
	{ "How has your week been so far?", "Comment se passe votre semaine" NNBSP "?" },
	{ "Any plans for the weekend?", "Des projets pour le week-end" NNBSP "?" },
	{ "Busy time of year for your team?",
	  "C'est une période chargée pour votre équipe" NNBSP "?" },
	{ "Did you get some time off recently?",
	  "Vous avez pu souffler un peu récemment" NNBSP "?" },
	{ "Has anything good happened since we last spoke?",
	  "Il s'est passé de bonnes choses depuis notre dernier échange" NNBSP "?" },
	{ "Have you read or watched anything good lately?",
	  "Vous avez lu ou vu quelque chose de bien récemment" NNBSP "?" },
	{ "How is the weather on your side?", "Quel temps fait-il de votre côté" NNBSP "?" },
	{ "Any holidays coming up?", "Des vacances en vue" NNBSP "?" },
	{ "How is the team doing these days?", "Comment va l'équipe en ce moment" NNBSP "?" },
	{ "What was the highlight of your week?",
	  "Quel a été le temps fort de votre semaine" NNBSP "?" },
	{ "Been anywhere nice lately?", "Des escapades sympas récemment" NNBSP "?" },
	{ "How are you doing today?", "Comment allez-vous aujourd'hui" NNBSP "?" },
};

#define LIBRARY_COUNT (sizeof library / sizeof library[0])

/* Sports, most specific first: "run" is also an everyday verb, so running
** comes last.  The marathon is handled apart, as it may carry a name. */
static const struct rule sport_rules[] = {
	{ "tennis", "Still playing tennis? How's your game?",
	  "Vous jouez toujours au tennis" NNBSP "? Comment se passent les matchs" NNBSP "?" },
	{ "padel", "Still playing padel? How's your game?",
	  "Vous jouez toujours au padel" NNBSP "? Comment se passent les matchs" NNBSP "?" },
	{ "golf|golfer", "Still playing golf? How's your handicap?",
	  "Vous jouez toujours au golf" NNBSP "? Et ce handicap" NNBSP "?" },
	/* Asked before or after a ski trip alike. */
	{ "ski|skiing|skier|skieur|skieuse", "Any skiing planned this season?",
	  "Vous avez prévu d'aller skier cette saison" NNBSP "?" },
	{ "cycling|cyclist|bike|biking|bicycle|velo|cyclisme|cycliste",
	  "Still cycling? Any good rides lately?",
	  "Toujours à vélo" NNBSP "? De belles sorties récemment" NNBSP "?" },
	{ "yoga", "Still doing yoga? How's the practice going?",
	  "Vous faites toujours du yoga" NNBSP "? Comment se passe la pratique" NNBSP "?" },
	{ "swim|swimming|swimmer|natation|nage|nager|piscine",
	  "Still swimming? How's it going in the pool?",
	  "Vous nagez toujours" NNBSP "? Comment ça se passe à la piscine" NNBSP "?" },
	/* Bare "foot" is a body part in English: only the French turns. */
	{ "football|soccer|au foot|du foot|de foot|le foot",
	  "How's your football team doing?", "Comment va votre équipe de foot" NNBSP "?" },
	{ "climb|climbing|climber|bouldering|escalade|grimpe|grimper",
	  "Still climbing? Any good routes lately?",
	  "Vous grimpez toujours" NNBSP "? De belles voies récemment" NNBSP "?" },
	{ "run|running|runner|jogging|jog|footing|trail|course a pied|courir",
	  "Still running? How's the training going?",
	  "Vous courez toujours" NNBSP "? Comment se passe l'entraînement" NNBSP "?" },
};

/* Family members, for what is no event (weddings and babies are, see
** events[]): grandchildren before daughters ("petite-fille"), plurals
** before singulars.  French "son" is a possessive ("son chien"): the
** English son only counts after a word that can precede him. */
static const struct rule family_rules[] = {
	{ "grandchild|grandchildren|grandkid|granddaughter|grandson|petit enfant|"
	  "petite fille|petit fils|petits enfants",
	  "How are the grandchildren doing?", "Comment vont les petits-enfants" NNBSP "?" },
	{ "daughters|filles", "How are your daughters doing?",
	  "Comment vont vos filles" NNBSP "?" },
	{ "daughter|fille", "How is your daughter doing?", "Comment va votre fille" NNBSP "?" },
	{ "two sons|three sons|his sons|her sons|their sons|my sons|the sons",
	  "How are your sons doing?", "Comment vont vos fils" NNBSP "?" },
	{ "fils|his son|her son|their son|my son|a son|the son|eldest son|youngest son|"
	  "older son|younger son|only son|little son",
	  "How is your son doing?", "Comment va votre fils" NNBSP "?" },
	{ "kid|kids|child|children|enfant|gamins|teenagers|ados",
	  "How are the kids?", "Comment vont les enfants" NNBSP "?" },
	{ "wife|husband|partner|femme|mari|compagne|compagnon|conjoint|conjointe",
	  "How is the family?", "Comment va la famille" NNBSP "?" },
};

static const struct rule hobby_rules[] = {
	{ "guitar|guitarist|guitare|guitariste", "How's the guitar going?",
	  "Et la guitare, ça avance" NNBSP "?" },
	{ "piano|pianist|pianiste", "How's the piano going?", "Et le piano, ça avance" NNBSP "?" },
	{ "painting|paint|painter|watercolour|watercolor|peinture|peint|peindre|aquarelle",
	  "How's the painting going?", "Et la peinture, ça avance" NNBSP "?" },
	{ "garden|gardening|gardener|allotment|jardin|jardinage|potager",
	  "How's the garden going?", "Et le jardin, ça pousse" NNBSP "?" },
	{ "photography|photographer|photo|camera|photographie|photographe",
	  "How's the photography going?", "Et la photo, ça avance" NNBSP "?" },
	{ "chess|echecs", "How's the chess going?", "Et les échecs, ça avance" NNBSP "?" },
	{ "choir|chorale|chante|sings|singing|chant", "How's the choir going?",
	  "Et la chorale, ça se passe bien" NNBSP "?" },
	{ "pottery|ceramics|poterie|ceramique", "How's the pottery going?",
	  "Et la poterie, ça avance" NNBSP "?" },
	{ "reading|reader|book|novel|lecture|lire|livre|roman", "How's the reading going?",
	  "Vous lisez quelque chose de bien en ce moment" NNBSP "?" },
};

/* New jobs and conferences are events (see events[]). */
static const struct rule work_rules[] = {
	{ "reorg|reorganisation|reorganization|restructuring|restructuration|merger|fusion|"
	  "rachat|acquisition|layoffs|plan social",
	  "How is the reorganisation going?",
	  "Comment se passe la réorganisation" NNBSP "?" },
};

/* What a food lover likes, when no restaurant is named. */
static const struct rule food_rules[] = {
	{ "wine|wines|vin|vins|oenologie|sommelier|winery|vineyard|vignoble",
	  "Tasted any good wines lately?", "Vous avez goûté de bons vins récemment" NNBSP "?" },
	{ "coffee|espresso|barista|de cafe|du cafe", "Found any good coffee lately?",
	  "Vous avez découvert de bons cafés récemment" NNBSP "?" },
	{ "cook|cooks|cooking|baking|bakes|cuisiner|cuisinier|cuisiniere|patisserie|patissier|"
	  "fait la cuisine|cuisine tres|cuisine bien",
	  "Cooked anything good lately?",
	  "Vous avez cuisiné de bonnes choses récemment" NNBSP "?" },
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
		t->cjk = (cp >= 0x2E80 && cp < 0xA000) || (cp >= 0xAC00 && cp < 0xD7B0);
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

/* Index of the first token from `from` on where phrase[0..plen) (folded
** words separated by single spaces) starts, or -1. */
static long
find_phrase(const struct fact_words *fw, const char *phrase, size_t plen, size_t from)
{
	const char *end = phrase + plen;

	for (size_t i = from; i < fw->n; i++) {
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

/* Index of the first token from `from` on matching the first phrase of
** list ('|' separated) found in the fact, or -1. */
static long
find_any_from(const struct fact_words *fw, const char *list, size_t from)
{
	const char *p = list, *bar;
	long at;

	for (;;) {
		bar = strchr(p, '|');
		at = find_phrase(fw, p, bar ? (size_t)(bar - p) : strlen(p), from);
		if (at >= 0 || bar == NULL)
			return at;
		p = bar + 1;
	}
}

static long
find_any(const struct fact_words *fw, const char *list)
{
	return find_any_from(fw, list, 0);
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
	return (t->cap || t->cjk) && !t->digit && !in_list(t->fold, not_names);
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
		if (!(t[k].cap || t[k].cjk) || t[k].digit) {
			if (!in_list(t[k].fold, connectors) || k + 1 >= fw->n || !t[k + 1].joined ||
			    !(t[k + 1].cap || t[k + 1].cjk) || t[k + 1].digit)
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
find_place_at(const struct fact_words *fw, bool from, size_t first, struct place *pl)
{
	const struct token *t = fw->tok;

	for (size_t i = first; i + 1 < fw->n; i++) {
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
		} else if (!in_list(t[i].fold, "to|in|across|around|through")) {
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

static bool
find_place(const struct fact_words *fw, bool from, struct place *pl)
{
	return find_place_at(fw, from, 0, pl);
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

/* Words that say it did not happen. */
static const char off_words[] =
	"cancelled|canceled|cancel|called off|call off|fell through|scrapped|didn t happen|"
	"did not happen|not happening|won t happen|annule|annulee|annulation|tombe a l eau|"
	"tombee a l eau|n a pas eu lieu|n aura pas lieu|abandonne|abandonnee";

/* Words that put it off: with a date after them it moved there, without
** one it is as good as cancelled. */
static const char postpone_words[] =
	"postponed|postpone|put off|pushed back|delayed|rescheduled|reporte|reportee|repousse|"
	"repoussee|decale|decalee|reprogramme|reprogrammee";

/* Words that give it a new date after all: "cancelled, then rebooked for
** April". */
static const char rebooked_words[] =
	"rebooked|rebook|rescheduled|new date|moved to|reprogramme|reprogrammee|nouvelle date|"
	"reporte|reportee|repousse|repoussee|decale|decalee";

/* Words that date an event from the day it was noted, with how many days
** after that day it is surely over, or one of these ends. */
enum {
	END_THIS_WEEK = -1,
	END_NEXT_WEEK = -2,
	END_THIS_MONTH = -3,
	END_NEXT_MONTH = -4,
	END_THIS_YEAR = -5,
	END_NEXT_YEAR = -6,
};

static const struct {
	const char *words;
	int days;
} dated_words[] = {
	{ "day after tomorrow|apres demain", 3 },
	{ "tomorrow|demain", 2 },
	{ "tonight|this evening|ce soir", 1 },
	{ "this weekend|next weekend|this week end|ce week end|ce weekend|le week end prochain",
	  7 },
	{ "next week|semaine prochaine", END_NEXT_WEEK },
	{ "this week|cette semaine", END_THIS_WEEK },
	{ "in a fortnight|in two weeks|dans quinze jours|dans deux semaines", 21 },
	{ "in a week|dans une semaine|dans huit jours", 14 },
	{ "next month|mois prochain|in a month|dans un mois", END_NEXT_MONTH },
	{ "end of the month|this month|fin du mois|ce mois ci", END_THIS_MONTH },
	{ "next year|annee prochaine|an prochain", END_NEXT_YEAR },
	{ "later this year|this year|end of the year|by the end of the year|cette annee|"
	  "fin de l annee|plus tard dans l annee|d ici la fin de l annee",
	  END_THIS_YEAR },
};

/* Seasons named as a when, and the month each one is over. */
static const struct {
	const char *words;
	int end_month;
} seasons[] = {
	{ "this summer|next summer|in the summer|in summer|over the summer|cet ete|l ete|"
	  "en ete|pour l ete",
	  8 },
	{ "this winter|next winter|in the winter|in winter|cet hiver|l hiver|en hiver|"
	  "pour l hiver",
	  2 },
	{ "this spring|next spring|in the spring|in spring|ce printemps|au printemps", 5 },
	{ "this autumn|this fall|next autumn|next fall|in the autumn|in the fall|in autumn|"
	  "cet automne|a l automne|en automne",
	  11 },
	{ "christmas|xmas|noel", 12 },
};

/* Words that put it ahead with no date: for a month it is asked forward,
** then asked for news, as it may not have happened yet. */
static const char vague_ahead[] =
	"soon|bientot|prochainement|upcoming|coming up|about to|planning|plans to|plan to|"
	"planned|booked|looking forward|getting married|will|going to|is expecting|expecting|"
	"due|prevoit|prevu|prevue|projette|a venir|va partir|vont partir|envisage|reserve|"
	"reservee|a hate|hate de|va se marier|vont se marier|attend un|attendent un";

#define VAGUE_AHEAD_DAYS 30

/* Words that say it is over, whatever else the fact says. */
static const char past_strong[] =
	"back from|back home|just back|came back|got back|is back|are back|been back|"
	"de retour|yesterday|hier|last week|last month|last year|last weekend|last night|"
	"last summer|last winter|last spring|last autumn|last fall|ago|dernier|derniere|"
	"recently|recemment|rentre|rentree|revenu|revenue|vient de|viens de|venait de|went|"
	"returned|finished|completed|fini|finie|termine|terminee|acheve|achevee";

/* Words that rather say it is over. */
static const char past_weak[] =
	"was|were|had|did|got|saw|ran|took|made|won|lost|left|bought|sold|came|gave|met|"
	"flew|drove|spent|rode|swam|began|fell|felt|held|kept|paid|slept|spoke|told|wrote|"
	"sang|found|built|ate|ended|over|etait|etaient|avait|avaient|fut";

/* English words in -ed that say nothing of the past. */
static const char ed_not_past[] =
	"planned|scheduled|booked|expected|excited|interested|postponed|rescheduled|delayed|"
	"cancelled|canceled|called|engaged|based|tired|stressed|worried|concerned|pleased|"
	"red|bed|need|seed|speed|feed|wed|shed|united|limited|related|involved|used|"
	"supposed|confirmed|organised|organized|pushed|married|scared|thrilled|delighted|"
	"allowed|required|invited|registered|signed|entered|qualified|selected|shortlisted|"
	"nominated|obsessed|hooked|named|called|vegetarian";

/* French auxiliaries, and participles that follow them without an "é". */
static const char fr_auxiliaries[] = "a|ai|as|avons|avez|ont|est|es|suis|sommes|etes|sont";
static const char fr_participles[] =
	"fait|pris|mis|dit|couru|eu|vu|venu|venue|parti|partie|fini|finie|reussi|choisi|"
	"perdu|vendu|lu|recu|ouvert|offert|devenu|devenue|revenu|revenue|sorti|sortie|mort|"
	"morte|appris|ete";
/* Participles in "é" that say it is ahead, not over. */
static const char fr_not_past[] =
	"prevu|prevue|programme|programmee|planifie|planifiee|fixe|fixee|cale|calee|reserve|"
	"reservee|invite|invitee|inscrit|inscrite|annule|annulee|reporte|reportee|occupe|"
	"occupee|passionne|passionnee|fatigue|fatiguee|presse|pressee|stresse|stressee";

static const char months_en[] =
	"january|february|march|april|may|june|july|august|september|october|november|december";
static const char months_fr[] =
	"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";
static const char weekdays_en[] = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
static const char weekdays_fr[] = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";

/* What may come before a month name that names when ("in January",
** "early March", "fin mai", "12 June", "postponed to March"): without
** one, "may" is a verb. */
static const char month_leads[] =
	"in|en|next|this|early|late|mid|end|by|until|of|debut|fin|mi|au|d|jusqu|des|from|for|"
	"to|a|pour|avant|before|around|vers|courant|du|de";

/* Numbers said in words, for "in two weeks" and "dans trois mois". */
static const char number_words[] =
	"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
static const char number_words_fr[] =
	"un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze";

/* The 1-based place of folded word w in list, or 0. */
static int
list_index(const char *w, const char *list)
{
	size_t wlen = strlen(w);
	const char *p = list;

	for (int i = 1; wlen > 0; i++) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);

		if (n == wlen && memcmp(p, w, n) == 0)
			return i;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
	return 0;
}

/* 1-12 when folded word w is a month's name, else 0. */
static int
month_of(const char *w)
{
	int m = list_index(w, months_en);

	return m ? m : list_index(w, months_fr);
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

/* The end of month m's next turn from noted (noted's month counts). */
static rp_date
next_month_end(rp_date noted, int m)
{
	return month_end((rp_date){ noted.year, noted.month, 1 }, (m - noted.month + 12) % 12);
}

/* The day by which a dated word's event is over, from when it was noted. */
static rp_date
horizon(rp_date noted, int days)
{
	switch (days) {
	case END_THIS_WEEK:
		return date_add_days(noted, 6 - date_weekday(noted));  /* 0 is Monday */
	case END_NEXT_WEEK:
		return date_add_days(noted, 13 - date_weekday(noted));
	case END_THIS_MONTH:
		return month_end(noted, 0);
	case END_NEXT_MONTH:
		return month_end(noted, 1);
	case END_THIS_YEAR:
		return (rp_date){ noted.year, 12, 31 };
	case END_NEXT_YEAR:
		return (rp_date){ noted.year + 1, 12, 31 };
	default:
		return date_add_days(noted, days);
	}
}

/* The count a token says: "3", "three", "trois"; 0 when none. */
static long
count_of(const struct token *t)
{
	long n;

	if (t->digit)
		return (n = strtol(t->fold, NULL, 10)) > 0 && n <= 366 ? n : 0;
	if ((n = list_index(t->fold, number_words)) > 0)
		return n;
	return list_index(t->fold, number_words_fr);
}

/* "in 3 weeks", "dans deux mois", from token `from` on: the day it is
** over, or false. */
static bool
in_count(const struct fact_words *fw, size_t from, rp_date noted, rp_date *end)
{
	for (size_t i = from; i + 2 < fw->n; i++) {
		const struct token *u = &fw->tok[i + 2];
		long n;

		if (!in_list(fw->tok[i].fold, "in|dans") || (n = count_of(&fw->tok[i + 1])) == 0)
			continue;
		if (token_is(u, "day", 3) || token_is(u, "jour", 4))
			*end = date_add_days(noted, n);
		else if (token_is(u, "week", 4) || token_is(u, "semaine", 7))
			*end = date_add_days(noted, 7 * n + 7);
		else if (token_is(u, "month", 5) || strcmp(u->fold, "mois") == 0)
			*end = month_end(noted, (int)n);
		else
			continue;
		return true;
	}
	return false;
}

/* "depuis juin", "since the summer": a when that is past. */
static bool
since_before(const struct fact_words *fw, size_t i)
{
	for (size_t k = i > 3 ? i - 3 : 0; k < i; k++)
		if (in_list(fw->tok[k].fold, "since|depuis"))
			return true;
	return false;
}

/* A month named as a when ("in January"), from token `from` on: the end
** of its next turn from when the fact was noted (the same month counts). */
static bool
named_month(const struct fact_words *fw, size_t from, rp_date noted, rp_date *end)
{
	for (size_t i = from > 0 ? from : 1; i < fw->n; i++) {
		int m = month_of(fw->tok[i].fold);

		const struct token *lead = &fw->tok[i - 1];

		if (m == 0 || !(in_list(lead->fold, month_leads) || lead->digit) ||
		    since_before(fw, i))
			continue;
		*end = next_month_end(noted, m);
		return true;
	}
	return false;
}

/* A weekday named as a when ("on Friday", "vendredi prochain"), not a
** habit ("on Fridays", "le jeudi"): the next such day from when it was
** noted, a week later after "next". */
static bool
named_weekday(const struct fact_words *fw, size_t from, rp_date noted, rp_date *end)
{
	for (size_t i = from; i < fw->n; i++) {
		const char *w = fw->tok[i].fold;
		const char *before = i > 0 ? fw->tok[i - 1].fold : "";
		bool next = strcmp(before, "next") == 0 ||
			    (i + 1 < fw->n && in_list(fw->tok[i + 1].fold, "prochain"));
		int d = list_index(w, weekdays_en);

		if (d == 0)
			d = list_index(w, weekdays_fr);
		if (d == 0 || in_list(before, "le|les|chaque|tous|every|each"))
			continue;
		if (!next && !in_list(before, "on|this|ce|coming") &&
		    list_index(w, weekdays_fr) == 0)
			continue;
		d = (d - 1 - date_weekday(noted) + 7) % 7;
		*end = date_add_days(noted, (d == 0 ? 7 : d) + (next ? 7 : 0));
		return true;
	}
	return false;
}

/* A season or Christmas named as a when: the end of its next turn. */
static bool
named_season(const struct fact_words *fw, size_t from, rp_date noted, rp_date *end)
{
	for (size_t i = 0; i < sizeof seasons / sizeof seasons[0]; i++) {
		long at = find_any_from(fw, seasons[i].words, from);

		if (at >= 0 && !since_before(fw, (size_t)at + 1)) {
			*end = next_month_end(noted, seasons[i].end_month);
			return true;
		}
	}
	return false;
}

static bool past_verb(const struct fact_words *fw);

/* The day a dated event is surely over, from the words from token `from`
** on; past_ok: a month, a weekday or a season counts even when words of
** the past stand in the fact ("was postponed to March"). */
static bool
dated_end(const struct fact_words *fw, size_t from, rp_date noted, bool past_ok, rp_date *end)
{
	for (size_t i = 0; i < sizeof dated_words / sizeof dated_words[0]; i++)
		if (find_any_from(fw, dated_words[i].words, from) >= 0) {
			*end = horizon(noted, dated_words[i].days);
			return true;
		}
	if (in_count(fw, from, noted, end))
		return true;
	/* "back from Bali in October", "last Friday": a month of the past. */
	if (!past_ok && (find_any(fw, past_strong) >= 0 || find_any(fw, past_weak) >= 0 ||
			 past_verb(fw)))
		return false;
	return named_month(fw, from, noted, end) || named_weekday(fw, from, noted, end) ||
	       named_season(fw, from, noted, end);
}

/* The fact's language, from its small words (and letters with accents):
** "my" and "mon" are turned by its rules, not by the opener's. */
static enum rp_lang
fact_lang(const struct fact_words *fw, enum rp_lang fallback)
{
	static const char fr_marks[] =
		"le|la|les|des|du|de|un|une|et|est|sont|au|aux|pour|avec|dans|sur|chez|son|sa|"
		"ses|leur|leurs|mon|ma|mes|notre|nos|il|elle|ils|elles|qui|que|pas|ne|se|va|"
		"vont|fait|tres|ce|cette|ces|en|d|l|j|n|qu|part|prochain|prochaine";
	static const char en_marks[] =
		"the|a|an|and|is|are|was|were|to|of|in|on|at|for|with|from|my|our|his|her|"
		"their|it|this|that|next|last|back|will|be|has|have|i|we|he|she|they|just|"
		"about|going|off|loves|likes";
	int fr = 0, en = 0;

	for (size_t i = 0; i < fw->n; i++) {
		const struct token *t = &fw->tok[i];
		size_t len = t->end - t->start;
		bool accent = false;

		/* Latin letters with accents: lead bytes 0xC3-0xC5 */
		for (size_t k = t->start; k < t->end; k++)
			accent = accent || ((unsigned char)fw->text[k] >= 0xC3 &&
					    (unsigned char)fw->text[k] <= 0xC5);
		if (is_a_grave(t) || (in_list(t->fold, fr_marks) && !t->cap))
			fr += 2;
		else if (in_list(t->fold, en_marks) && (!t->cap || i == 0))
			en += 2;
		else if (accent && !t->cap && len < 2 * TOKEN_BYTES_MAX)
			fr++;
	}
	if (fr == en)
		return fallback;
	return fr > en ? RP_LANG_FR : RP_LANG_EN;
}

/* An English verb in -ed, or French auxiliary and participle, that says
** it happened ("moved", "a couru", "s'est marié"). */
static bool
past_verb(const struct fact_words *fw)
{
	for (size_t i = 0; i < fw->n; i++) {
		const struct token *t = &fw->tok[i];
		size_t len = strlen(t->fold);

		if (len >= 4 && strcmp(t->fold + len - 2, "ed") == 0 && !t->cap &&
		    !in_list(t->fold, ed_not_past))
			return true;
		if (i + 1 < fw->n && in_list(t->fold, fr_auxiliaries) && !is_a_grave(t) &&
		    fact_lang(fw, RP_LANG_EN) == RP_LANG_FR) {
			const struct token *p = &fw->tok[i + 1];
			const char *s = fw->text + p->start;
			size_t n = p->end - p->start;
			bool e_acute = (n >= 2 && memcmp(s + n - 2, "\xc3\xa9", 2) == 0) ||
				       (n >= 3 && memcmp(s + n - 3, "\xc3\xa9" "e", 3) == 0) ||
				       (n >= 3 && memcmp(s + n - 3, "\xc3\xa9" "s", 3) == 0) ||
				       (n >= 4 && memcmp(s + n - 4, "\xc3\xa9" "es", 4) == 0);

			if ((e_acute || in_list(p->fold, fr_participles)) &&
			    !in_list(p->fold, fr_not_past))
				return true;
		}
	}
	return false;
}

/* When a fact happens, and how that was known. */
struct when {
	enum opener_tense tense;
	bool dated;      /* a date said so (it was ahead, its day is over) */
	bool postponed;  /* OPENER_OFF: put off to no new date, not cancelled */
	bool weak;       /* OPENER_PAST from a verb only ("adopted"): no event */
};

static struct when
when_of(const struct fact_words *fw, rp_date noted, rp_date today)
{
	struct when w = { OPENER_UNDATED, false, false, false };
	bool days = date_valid(noted.year, noted.month, noted.day) &&
		    date_valid(today.year, today.month, today.day);
	rp_date end, probe = days ? noted : (rp_date){ 2000, 1, 1 };
	long off;

	if ((off = find_any(fw, off_words)) >= 0) {
		long again = find_any_from(fw, rebooked_words, (size_t)off + 1);

		if (again < 0 || !dated_end(fw, (size_t)again + 1, probe, true, &end)) {
			w.tense = OPENER_OFF;
			return w;
		}
		if (!days)
			return w;
		w.dated = true;
		w.tense = date_to_days(today) <= date_to_days(end) ? OPENER_AHEAD : OPENER_PAST;
		return w;
	}
	/* "postponed to March": ahead of March; "postponed": off. */
	if ((off = find_any(fw, postpone_words)) >= 0) {
		if (!dated_end(fw, (size_t)off + 1, probe, true, &end)) {
			w.tense = OPENER_OFF;
			w.postponed = true;
			return w;
		}
		if (!days)
			return w;
		w.dated = true;
		w.tense = date_to_days(today) <= date_to_days(end) ? OPENER_AHEAD : OPENER_PAST;
		return w;
	}
	if (days && dated_end(fw, 0, noted, false, &end)) {
		w.dated = true;
		w.tense = date_to_days(today) <= date_to_days(end) ? OPENER_AHEAD : OPENER_PAST;
		return w;
	}
	if (find_any(fw, past_strong) >= 0) {
		w.tense = OPENER_PAST;
		return w;
	}
	/* Without both days a dated or planned event may be ahead or over:
	** asked for news, never how it went. */
	if (find_any(fw, vague_ahead) >= 0 || (!days && dated_end(fw, 0, probe, false, &end))) {
		if (days && date_to_days(today) <= date_to_days(noted) + VAGUE_AHEAD_DAYS)
			w.tense = OPENER_AHEAD;
		return w;
	}
	if (find_any(fw, past_weak) >= 0 || past_verb(fw)) {
		w.tense = OPENER_PAST;
		w.weak = true;
	}
	return w;
}

enum opener_tense
opener_fact_tense(const char *text, rp_date learned_on, rp_date today)
{
	struct fact_words *fw = calloc(1, sizeof *fw);
	enum opener_tense t = OPENER_UNDATED;

	if (fw == NULL)
		return t;
	if ((fw->text = clean_text(text ? text : "")) != NULL) {
		tokenize(fw);
		t = when_of(fw, learned_on, today).tense;
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

/* " to Bali", " to the Maldives" (English), " à Bali", " aux Maldives",
** " à la Réunion" (French): the place of a fact after a preposition. */
static void
put_place(struct buf *b, const struct fact_words *fw, const struct place *pl, enum rp_lang lang,
	  const char *en_prep)
{
	put(b, " ");
	if (lang == RP_LANG_FR) {
		put(b, pl->fr_prep ? pl->fr_prep : fr_prep_for(fw, pl));
		put(b, " ");
		put_n(b, fw->text + pl->fr_start, pl->end - pl->fr_start);
		return;
	}
	put(b, en_prep);
	put(b, pl->the ? " the " : " ");
	put_n(b, fw->text + pl->start, pl->end - pl->start);
}

/* What an event is called, in both languages: "your trip to Bali",
** "votre voyage à Bali".  French needs the determiner apart, to make "du"
** of "de le", and the gender, for "s'est passée". */
enum gender { MASC, FEM, MASC_PL, FEM_PL };

struct np {
	char en[OPENER_TEXT_MAX], fr[OPENER_TEXT_MAX];
	struct buf ben, bfr;
	const char *det;  /* "votre", "vos", "le", "la", "les", "l'" */
	enum gender g;
};

static void
np_init(struct np *np, const char *en, const char *det, const char *fr, enum gender g)
{
	np->ben = (struct buf){ np->en, 0, false };
	np->bfr = (struct buf){ np->fr, 0, false };
	np->en[0] = np->fr[0] = '\0';
	put(&np->ben, en);
	put(&np->bfr, fr);
	np->det = det;
	np->g = g;
}

/* The French noun phrase after prep: "votre voyage", "de votre voyage",
** "du mariage", "pour la conférence", "au salon". */
static void
put_fr_np(struct buf *b, const struct np *np, const char *prep)
{
	bool de = prep && strcmp(prep, "de") == 0, a = prep && strcmp(prep, "à") == 0;
	const char *det = np->det;

	if (de && strcmp(det, "le") == 0)
		det = "du";
	else if (de && strcmp(det, "les") == 0)
		det = "des";
	else if (a && strcmp(det, "le") == 0)
		det = "au";
	else if (a && strcmp(det, "les") == 0)
		det = "aux";
	else if (prep) {
		put(b, prep);
		put(b, " ");
	}
	put(b, det);
	if (det[strlen(det) - 1] != '\'')
		put(b, " ");
	put(b, np->fr);
}

static const char *
fr_passe(enum gender g)
{
	static const char *const forms[] = { "s'est passé", "s'est passée", "se sont passés",
					     "se sont passées" };
	return forms[g];
}

/* The plain questions about an event, by tense. */
static void
ask_ahead(struct buf *b, const struct np *np, enum rp_lang lang)
{
	if (lang == RP_LANG_FR) {
		put(b, "Où en sont les préparatifs ");
		put_fr_np(b, np, "de");
		put(b, NNBSP "?");
	} else {
		put(b, "How are the preparations for ");
		put(b, np->en);
		put(b, " going?");
	}
}

static void
ask_past(struct buf *b, const struct np *np, enum rp_lang lang, bool did)
{
	if (lang == RP_LANG_FR) {
		put(b, "Comment ");
		put(b, fr_passe(np->g));
		put(b, " ");
		put_fr_np(b, np, NULL);
		put(b, NNBSP "?");
	} else {
		put(b, did ? "How did " : "How was ");
		put(b, np->en);
		put(b, did ? " go?" : "?");
	}
}

static void
ask_news(struct buf *b, const struct np *np, enum rp_lang lang)
{
	if (lang == RP_LANG_FR) {
		put(b, "Du nouveau pour ");
		put_fr_np(b, np, NULL);
		put(b, NNBSP "?");
	} else {
		put(b, "Any news on ");
		put(b, np->en);
		put(b, "?");
	}
}

static void
ask_new_date(struct buf *b, const struct np *np, enum rp_lang lang)
{
	if (lang == RP_LANG_FR) {
		put(b, "Une nouvelle date est-elle prévue pour ");
		put_fr_np(b, np, NULL);
		put(b, NNBSP "?");
	} else {
		put(b, "Is there a new date for ");
		put(b, np->en);
		put(b, "?");
	}
}

/* An event put off is asked about for this long after it was noted; a
** cancelled wedding or race, never. */
#define OFF_ASK_DAYS 60

static bool
ask_by_tense(struct buf *b, const struct np *np, enum rp_lang lang, struct when w, bool did)
{
	switch (w.tense) {
	case OPENER_AHEAD:
		ask_ahead(b, np, lang);
		return true;
	case OPENER_PAST:
		ask_past(b, np, lang, did);
		return true;
	case OPENER_UNDATED:
		ask_news(b, np, lang);
		return true;
	case OPENER_OFF:
		ask_new_date(b, np, lang);
		return true;
	}
	return false;
}

/* ---- Events ------------------------------------------------------------- */

/* What a fact is about, when it is something that happens on a day.  In
** the order they are looked for: "speaking at a conference in Lyon" is a
** talk, not a trip; "a trip with the kids" a trip. */
enum event {
	EV_NONE,
	EV_JOB,
	EV_TALK,
	EV_CONF,
	EV_MOVE,
	EV_WEDDING,
	EV_RACE,
	EV_TRIP,
	EV_BABY,
	EV_MEAL,
	EV_PET,
	EV_HEALTH,
	EV_BIRTHDAY,
	EV_GRADUATION,
	EV_RETIREMENT,
};

static const struct {
	enum event ev;
	const char *kind;
	const char *words;
} events[] = {
	/* Health first: "injured at the marathon" asks how they feel. */
	{ EV_HEALTH, "other",
	  "surgery|chirurgie|opere|operee|hospital|hopital|hospitalise|hospitalisee|sick|ill|"
	  "malade|injury|injured|blesse|blessee|blessure|accident|broke|broken|fracture|casse|"
	  "illness|maladie|cancer|chemo|chimio|burn out|burnout|flu|grippe|recovering|"
	  "convalescence|se remet|sick leave|arret maladie" },
	{ EV_JOB, "work",
	  "promotion|promoted|promu|promue|new role|new job|new position|nouveau poste|"
	  "nouveau job|nouveau role|nouvelles fonctions|nouvelle fonction|nouvel emploi|"
	  "starts at|commence chez|rejoint" },
	{ EV_TALK, "work",
	  "speaking|speaker|keynote|a talk|giving a talk|her talk|his talk|presenting|"
	  "presente|intervient|intervention|intervenant|intervenante|conferencier|"
	  "conferenciere" },
	{ EV_CONF, "work",
	  "conference|conf|summit|trade show|salon|congres|seminar|seminaire|offsite|"
	  "webinar|webinaire|hackathon|meetup|convention|expo|exhibition" },
	{ EV_MOVE, "other",
	  "moving house|moving home|move house|moved house|moving offices|moving office|"
	  "office move|moving to|moves to|moved to|move to|relocating|relocation|moving|"
	  "demenage|demenagement|demenager|demenagent|demenagera|emmenage|emmenagement|"
	  "new flat|new house|new apartment|nouvel appartement|nouvelle maison|bought a house|"
	  "bought a flat|bought an apartment|buying a house|buying a flat|achete une maison|"
	  "acheter une maison|achete un appartement|acheter un appartement|achat d une maison|"
	  "achat d un appartement" },
	/* Before the wedding: "40 ans de mariage" is an anniversary. */
	{ EV_BIRTHDAY, "family",
	  "birthday|bday|anniversaire|anniv|anniversary|ans de mariage|noces d|fete ses" },
	{ EV_RETIREMENT, "work",
	  "retiring|retire|retires|retired|retirement|retraite|retraitee" },
	{ EV_WEDDING, "family",
	  "wedding|got married|getting married|get married|gets married|marriage|mariage|"
	  "se marie|se marier|se marient|est marie|est mariee|sont maries|noces|honeymoon|"
	  "lune de miel|engaged|engagement|fiance|fiancee|fiances|fiancer|fiancailles" },
	{ EV_RACE, "sport",
	  "marathon|half marathon|semi marathon|le semi|un semi|du semi|triathlon|ironman|"
	  "race|10k|trail race" },
	/* Before the trip: "congé maternité" is no holiday. */
	{ EV_BABY, "family",
	  "baby|babies|newborn|bebe|naissance|expecting|enceinte|pregnant|accouche|"
	  "accouchement|twins|jumeaux|jumelles|triplets|triples|parental leave|"
	  "maternity leave|paternity leave|conge maternite|conge paternite|conge parental" },
	{ EV_TRIP, "travel",
	  "trip|travel|travelling|traveling|flight|holiday|vacation|vacances|conge|voyage|"
	  "sejour|escapade|cruise|croisiere|safari|getaway|road trip|ski trip" },
	{ EV_MEAL, "food",
	  "restaurant|restau|resto|bistro|bistrot|brasserie|cafe|sushi|dinner|lunch|brunch|"
	  "diner|dejeuner|pizzeria|trattoria|tapas|creperie" },
	{ EV_GRADUATION, "family",
	  "graduation|graduates|graduating|graduate|remise des diplomes|remise de diplome|"
	  "diplome|diplomee|diplomes" },
	{ EV_PET, "family",
	  "dog|dogs|puppy|cat|cats|kitten|chien|chienne|chiot|chaton|son chat|mon chat|"
	  "un chat|le chat|leur chat|notre chat|nouveau chat|petit chat|chats" },
};

static const char *
event_words(enum event ev)
{
	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
		if (events[i].ev == ev)
			return events[i].words;
	return "";
}

/* Verbs of going somewhere: with a place after them, a trip. */
static const char going_words[] =
	"off to|heading to|going to|flying to|flies to|fly to|flew to|visiting|visit|"
	"back from|part|pars|partent|partir|parti|partie|rentre|visite|va a|va en|vont a";

/* Words before a place that make it a home, not a trip. */
static const char home_words[] =
	"live|lives|living|lived|based|born|works|working|habite|habitent|vit|vivent|ne|nee|"
	"travaille|travaillent|bosse|installe|installee|originaire|grew|grandi|office|offices|"
	"bureau|bureaux|team|equipe|hq|siege|usine|factory|plant|site|store|shop|magasin|"
	"boutique|agence|branch|filiale";

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

/* A place that is where someone goes, not where they live. */
static bool
trip_place(const struct fact_words *fw, struct place *pl)
{
	size_t j = 0;

	if (!find_place(fw, false, pl))
		return false;
	while (j < fw->n && fw->tok[j].start < pl->fr_start)
		j++;
	/* j is the place's first word, j - 1 its preposition or "the" */
	for (size_t k = j > 3 ? j - 3 : 0; k + 1 < j; k++)
		if (in_list(fw->tok[k].fold, home_words))
			return false;
	return true;
}

static bool
event_found(const struct fact_words *fw, enum event ev, const char *words)
{
	struct place pl;

	rp_date end;

	if (find_any(fw, words) >= 0)
		return true;
	/* "her mum turns 80 in February" */
	if (ev == EV_BIRTHDAY) {
		long t = find_any(fw, "turns|turning|fete|fetera");

		return t >= 0 && (size_t)t + 1 < fw->n && fw->tok[t + 1].digit;
	}
	if (ev != EV_TRIP || !trip_place(fw, &pl))
		return false;
	/* "off to Tokyo next week", "part à Chamonix": going somewhere.  Skiing
	** somewhere on a day is a trip; "goes skiing in Val d'Isère", a sport. */
	return find_any(fw, going_words) >= 0 ||
	       (find_any(fw, "ski|skiing|au ski") >= 0 &&
		(dated_end(fw, 0, (rp_date){ 2000, 1, 1 }, false, &end) ||
		 find_any(fw, past_strong) >= 0 || find_any(fw, vague_ahead) >= 0));
}

/* The event of a fact of kind: one of its own kind first, then the rules
** of its kind ("his son" of a family fact), then any the words tell. */
static enum event
pick_event(const struct fact_words *fw, const char *kind, const struct rule *rules,
	   size_t nrules)
{
	enum event any = EV_NONE;

	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
		if (!event_found(fw, events[i].ev, events[i].words))
			continue;
		/* Someone hurt or ill is asked how they are, whatever else. */
		if (ascii_iequal(kind, events[i].kind) || events[i].ev == EV_HEALTH)
			return events[i].ev;
		if (any == EV_NONE)
			any = events[i].ev;
	}
	if (rules != NULL && match_rules(fw, rules, nrules) != NULL)
		return EV_NONE;
	return any;
}

/* Capitalised words that open a fact without being a name: "Big trip". */
static const char sentence_caps[] =
	"big|long|short|business|family|work|road|ski|school|class|girls|boys|team|company|"
	"weekend|day|last|next|first|little|great|quick|solo|annual|summer|winter|beach|"
	"grand|petit|petite|long|court|beau|nouveau|gros";

/* "Bali trip", "Japan holiday": the place named before the trip. */
static bool
name_before_trip(const struct fact_words *fw, struct place *pl)
{
	long k = find_any(fw, "trip|holiday|vacation|getaway");
	const struct token *t;

	if (k <= 0 || !fw->tok[k].joined)
		return false;
	t = &fw->tok[k - 1];
	if (!can_name(t) || (k == 1 && in_list(t->fold, sentence_caps)))
		return false;
	*pl = (struct place){ t->start, t->end, t->start, NULL, false };
	return true;
}

/* A trip: "your trip to Bali", "your holiday in the Maldives", "your ski
** trip to Chamonix"; asked "How was Bali?" after a holiday there. */
static bool
trip_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	bool holiday = find_any(fw, "holiday|vacation|vacances|conge|getaway|escapade") >= 0;
	bool ski = find_any(fw, "ski|skiing|au ski") >= 0;
	bool sejour = find_any(fw, "sejour") >= 0;
	struct place pl;
	bool found = trip_place(fw, &pl) || find_place(fw, true, &pl) || name_before_trip(fw, &pl);
	struct np np;

	if (holiday)
		np_init(&np, "your holiday", "vos", "vacances", FEM_PL);
	else if (ski)
		np_init(&np, "your ski trip", "votre", "séjour au ski", MASC);
	else if (sejour)
		np_init(&np, "your stay", "votre", "séjour", MASC);
	else
		np_init(&np, "your trip", "votre", "voyage", MASC);
	if (found) {
		put_place(&np.ben, fw, &pl, RP_LANG_EN, holiday || sejour ? "in" : "to");
		put_place(&np.bfr, fw, &pl, RP_LANG_FR, NULL);
	}
	/* "How was Portugal?" says it best; "How was the Maldives?" would not. */
	if (w.tense == OPENER_PAST && holiday && found && !pl.the && lang == RP_LANG_EN) {
		put(b, "How was ");
		put_span(b, fw, pl.start, pl.end);
		put(b, "?");
		b->name_first = false;
		return true;
	}
	return ask_by_tense(b, &np, lang, w, false);
}

/* The first name after one of the words of list ("at VivaTech"). */
static bool
named_after(const struct fact_words *fw, const char *list, size_t *start, size_t *end)
{
	for (size_t i = 0; i + 1 < fw->n; i++)
		if (in_list(fw->tok[i].fold, list) && fw->tok[i + 1].joined &&
		    name_at(fw, i + 1, start, end))
			return true;
	return false;
}

/* The name of an event around its noun at token at: before it when the
** noun is part of it ("the Web Summit"), or after ("salon VivaTech"). */
static bool
event_name(const struct fact_words *fw, size_t at, size_t *start, size_t *end)
{
	const struct token *t = fw->tok;
	size_t k = at;

	if (at + 1 < fw->n && t[at + 1].joined && name_at(fw, at + 1, start, end))
		return true;
	if (!t[at].cap || at == 0)
		return false;
	while (k > 0 && t[k].joined && can_name(&t[k - 1]) &&
	       count_cps(fw->text, t[k - 1].start, t[at].end) <= NAME_MAX_CPS)
		k--;
	/* "The Web Summit" opening the fact: the article is not the name's */
	if (k < at && in_list(t[k].fold, "the|le|la|les"))
		k++;
	if (k == at)
		return false;
	*start = t[k].start;
	*end = t[at].end;
	return true;
}

/* A conference, or a talk given at one: "the conference in Lyon", "your
** talk in Lyon". */
static bool
conference_question(const struct fact_words *fw, enum rp_lang lang, struct when w, bool talk,
		    struct buf *b)
{
	static const struct {
		const char *words, *en, *det, *fr;
		enum gender g;
	} names[] = {
		{ "trade show|salon|expo|exhibition", "the trade show", "le", "salon", MASC },
		{ "offsite", "the offsite", "le", "séminaire", MASC },
		{ "seminar|seminaire", "the seminar", "le", "séminaire", MASC },
		{ "summit", "the summit", "le", "sommet", MASC },
		{ "congres", "the conference", "le", "congrès", MASC },
		{ "webinar|webinaire", "the webinar", "le", "webinaire", MASC },
		{ "hackathon", "the hackathon", "le", "hackathon", MASC },
		{ "meetup", "the meetup", "le", "meetup", MASC },
	};
	struct place pl;
	bool found;
	struct np np;
	long at = find_any(fw, event_words(EV_CONF));
	size_t i, start, end;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (find_any(fw, names[i].words) >= 0)
			break;
	/* "at the Web Summit in Lisbon" is in Lisbon: the place after the noun. */
	found = find_place_at(fw, false, at >= 0 ? (size_t)at + 1 : 0, &pl);
	/* "le salon de Francfort": the place as a name of the event. */
	if (!found && at >= 0 && (size_t)at + 2 < fw->n && in_list(fw->tok[at + 1].fold, "de|of") &&
	    fw->tok[at + 2].joined && name_at(fw, (size_t)at + 2, &start, &end)) {
		pl = (struct place){ start, end, start, talk ? "à" : "de", false };
		found = true;
	}
	if (i < sizeof names / sizeof names[0])
		np_init(&np, names[i].en, names[i].det, names[i].fr, names[i].g);
	else
		np_init(&np, "the conference", "la", "conférence", FEM);
	/* Its own name: "the Web Summit", "VivaTech", "le salon VivaTech". */
	if (at >= 0 && event_name(fw, (size_t)at, &start, &end)) {
		bool before = end == fw->tok[at].end;

		np.ben.len = 0;
		put(&np.ben, before ? "the " : "");
		put_n(&np.ben, fw->text + start, end - start);
		if (before) {
			np.bfr.len = 0;
			np.det = "le";
			np.g = MASC;
		} else {
			put(&np.bfr, " ");
		}
		put_n(&np.bfr, fw->text + start, end - start);
	}
	if (talk) {
		/* "your talk at the Web Summit", "votre intervention au salon
		** VivaTech"; the copy's arrays are its own, its bufs unused. */
		struct np at_np = np;

		np_init(&np, "your talk", "votre", "intervention", FEM);
		if (at >= 0 && event_name(fw, (size_t)at, &start, &end)) {
			put(&np.ben, " at ");
			put(&np.ben, at_np.en);
			put(&np.bfr, " ");
			put_fr_np(&np.bfr, &at_np, "à");
		} else if (at < 0 && named_after(fw, "at|chez", &start, &end)) {
			/* "keynote at VivaTech" */
			put(&np.ben, " at ");
			put_n(&np.ben, fw->text + start, end - start);
			put(&np.bfr, " à ");
			put_n(&np.bfr, fw->text + start, end - start);
		}
	}
	if (found) {
		put_place(&np.ben, fw, &pl, RP_LANG_EN, "in");
		put_place(&np.bfr, fw, &pl, RP_LANG_FR, NULL);
	}
	if (talk && w.tense == OPENER_AHEAD) {
		if (lang == RP_LANG_FR) {
			put(b, "Où en est la préparation ");
			put_fr_np(b, &np, "de");
			put(b, NNBSP "?");
		} else {
			put(b, "How is ");
			put(b, np.en);
			put(b, " coming along?");
		}
		return true;
	}
	return ask_by_tense(b, &np, lang, w, talk);
}

/* A move: "your move", "your move to Lyon", "the office move". */
static bool
move_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	bool office = find_any(fw, "office|offices|bureau|bureaux|locaux|hq|siege") >= 0;
	struct place pl;
	long at = find_any(fw, event_words(EV_MOVE));
	bool found = !office && find_place_at(fw, false, at > 0 ? (size_t)at : 0, &pl);
	struct np np;

	/* A house bought: asked after the house, moved in or not. */
	if (!office && find_any(fw, "bought|buying|achete|acheter|achat") >= 0 &&
	    w.tense != OPENER_OFF) {
		bool flat = find_any(fw, "flat|apartment|appartement|appart") >= 0;

		np_init(&np, flat ? "the new flat" : "the new house", flat ? "le" : "la",
			flat ? "nouvel appartement" : "nouvelle maison", flat ? MASC : FEM);
		if (found) {
			put_place(&np.ben, fw, &pl, RP_LANG_EN, "in");
			put_place(&np.bfr, fw, &pl, RP_LANG_FR, NULL);
		}
		if (lang == RP_LANG_FR) {
			put(b, "Comment ça se passe avec ");
			put_fr_np(b, &np, NULL);
			put(b, NNBSP "?");
		} else {
			put(b, "How are things with ");
			put(b, np.en);
			put(b, "?");
		}
		return true;
	}
	if (office)
		np_init(&np, "the office move", "le", "déménagement des bureaux", MASC);
	else
		np_init(&np, "your move", "votre", "déménagement", MASC);
	if (found) {
		put_place(&np.ben, fw, &pl, RP_LANG_EN, "to");
		put_place(&np.bfr, fw, &pl, RP_LANG_FR, NULL);
	}
	return ask_by_tense(b, &np, lang, w, true);
}

/* A race: "the Paris marathon", "le marathon de Paris"; trained for until
** its day, asked how it went after. */
static bool
race_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	long m = find_any(fw, "marathon|semi");
	size_t start = 0, end = 0;
	bool named = m >= 0 && marathon_name(fw, (size_t)m, &start, &end);
	bool half = find_any(fw, "half marathon|semi marathon|semi") >= 0;
	struct place pl;
	struct np np;

	if (w.tense == OPENER_OFF)
		return false;
	if (m >= 0 && half)
		np_init(&np, "the half marathon", "le", "semi-marathon", MASC);
	else if (m >= 0)
		np_init(&np, "the marathon", "le", "marathon", MASC);
	else if (find_any(fw, "triathlon|ironman") >= 0)
		np_init(&np, "the triathlon", "le", "triathlon", MASC);
	else
		np_init(&np, "the race", "la", "course", FEM);
	if (named) {
		/* "the Paris marathon", "le marathon de Paris" */
		np.ben.len = 0;
		put(&np.ben, "the ");
		put_n(&np.ben, fw->text + start, end - start);
		put(&np.ben, half ? " half marathon" : " marathon");
		put(&np.bfr, " de ");
		put_n(&np.bfr, fw->text + start, end - start);
	} else if (find_place(fw, false, &pl)) {
		/* "a half marathon in Lyon": the race of Lyon, in French */
		put_place(&np.ben, fw, &pl, RP_LANG_EN, "in");
		put(&np.bfr, " de ");
		put_n(&np.bfr, fw->text + pl.start, pl.end - pl.start);
	}
	if (w.tense == OPENER_PAST) {
		ask_past(b, &np, lang, true);
	} else if (lang == RP_LANG_FR) {
		put(b, "Comment se passe la préparation ");
		put_fr_np(b, &np, "de");
		put(b, NNBSP "?");
	} else {
		put(b, "How is the training for ");
		put(b, np.en);
		put(b, " going?");
	}
	return true;
}

/* A wedding: asked about before and after; one called off, never.  An
** engagement asks after the wedding to come. */
static bool
wedding_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	struct np np;

	if (w.tense == OPENER_OFF)
		return false;
	if (find_any(fw, "engaged|engagement|fiance|fiancee|fiances|fiancer|fiancailles") >= 0 &&
	    find_any(fw, "wedding|mariage|married|marie|marier") < 0) {
		put(b, lang == RP_LANG_FR ? "Des projets de mariage" NNBSP "?"
					 : "Any wedding plans yet?");
		return true;
	}
	np_init(&np, "the wedding", "le", "mariage", MASC);
	return ask_by_tense(b, &np, lang, w, false);
}

/* A baby on the way, then the baby. */
static bool
baby_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	bool twins = find_any(fw, "twins|jumeaux|jumelles") >= 0;
	struct np np;

	bool leave = find_any(fw, "leave|conge") >= 0;

	if (w.tense == OPENER_OFF)
		return false;
	/* On parental leave "until March": the baby is there already. */
	if (w.tense == OPENER_AHEAD && !leave) {
		if (twins)
			np_init(&np, "the twins' arrival", "l'", "arrivée des jumeaux", FEM);
		else
			np_init(&np, "the baby's arrival", "l'", "arrivée du bébé", FEM);
		ask_ahead(b, &np, lang);
	} else if (twins) {
		put(b, lang == RP_LANG_FR ? "Comment vont les jumeaux" NNBSP "?"
					 : "How are the twins doing?");
	} else {
		put(b, lang == RP_LANG_FR ? "Comment va le bébé" NNBSP "?"
					 : "How is the baby doing?");
	}
	return true;
}

/* A new job: looked forward to, then asked how it goes. */
static bool
job_question(enum rp_lang lang, struct when w, struct buf *b)
{
	if (w.tense == OPENER_OFF)
		return false;
	if (w.tense == OPENER_AHEAD)
		put(b, lang == RP_LANG_FR
			       ? "Vous avez hâte de commencer votre nouveau poste" NNBSP "?"
			       : "Looking forward to the new role?");
	else
		put(b, lang == RP_LANG_FR ? "Comment se passe le nouveau poste" NNBSP "?"
					 : "How is the new role going?");
	return true;
}

/* A restaurant, or a meal: "Been back to Septime lately?"; a dinner still
** ahead is looked forward to, one just over asked about. */
static bool
meal_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	size_t start, end;
	bool named = restaurant_name(fw, &start, &end);
	const char *meal = find_any(fw, "lunch|dejeuner") >= 0 ? "lunch"
			   : find_any(fw, "brunch") >= 0	   ? "brunch"
			   : find_any(fw, "dinner|diner") >= 0    ? "dinner"
								  : NULL;

	if (w.tense == OPENER_OFF)
		return false;
	if (!named) {
		put_rule(b, match_rules(fw, food_rules, sizeof food_rules / sizeof food_rules[0]),
			 lang, "Tried any good restaurants lately?",
			 "Vous avez découvert de bonnes adresses récemment" NNBSP "?");
		return true;
	}
	/* French puts the name first: "chez Le Comptoir" or "à Le Comptoir"
	** would be wrong, and "retourné" would need the reader's gender. */
	if (lang == RP_LANG_FR) {
		put_span(b, fw, start, end);
		if (w.tense == OPENER_AHEAD)
			put(b, ", vous avez hâte d'y aller" NNBSP "?");
		else if (w.tense == OPENER_PAST && w.dated)
			put(b, ", ça vous a plu" NNBSP "?");
		else
			put(b, ", vous avez eu l'occasion d'y retourner" NNBSP "?");
		return true;
	}
	if (w.tense == OPENER_AHEAD) {
		put(b, "Looking forward to ");
		if (meal) {
			put(b, meal);
			put(b, " at ");
		}
		put_span(b, fw, start, end);
		put(b, "?");
		b->name_first = false;
	} else if (w.tense == OPENER_PAST && w.dated) {
		put(b, "How was ");
		if (meal) {
			put(b, meal);
			put(b, " at ");
		}
		put_span(b, fw, start, end);
		put(b, "?");
		b->name_first = false;
	} else {
		put(b, "Been back to ");
		put_span(b, fw, start, end);
		put(b, " lately?");
	}
	return true;
}

static bool
pet_question(const struct fact_words *fw, enum rp_lang lang, struct buf *b)
{
	if (find_any(fw, "puppy|chiot") >= 0)
		put(b, lang == RP_LANG_FR ? "Comment va le chiot" NNBSP "?"
					 : "How is the puppy doing?");
	else if (find_any(fw, "kitten|chaton") >= 0)
		put(b, lang == RP_LANG_FR ? "Comment va le chaton" NNBSP "?"
					 : "How is the kitten doing?");
	else if (find_any(fw, "dog|chien|chienne") >= 0)
		put(b, lang == RP_LANG_FR ? "Comment va votre chien" NNBSP "?"
					 : "How is your dog doing?");
	else
		put(b, lang == RP_LANG_FR ? "Comment va votre chat" NNBSP "?"
					 : "How is your cat doing?");
	return true;
}

/* Someone unwell: how they are, never how it went.  The relative it is
** about, when the fact names one ("her father is in hospital"). */
static bool
health_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	static const struct {
		const char *words, *en, *fr;
	} who[] = {
		{ "father|dad|pere|papa", "your father", "votre père" },
		{ "mother|mum|mom|mere|maman", "your mother", "votre mère" },
		{ "wife|femme|epouse", "your wife", "votre femme" },
		{ "husband|mari|epoux", "your husband", "votre mari" },
		{ "partner|compagnon|compagne|conjoint|conjointe", "your partner",
		  "votre conjoint" },
		{ "daughter|fille", "your daughter", "votre fille" },
		{ "his son|her son|my son|their son|fils", "your son", "votre fils" },
		{ "brother|frere", "your brother", "votre frère" },
		{ "sister|soeur", "your sister", "votre sœur" },
		{ "grandmother|grandma|granny|grand mere|mamie", "your grandmother",
		  "votre grand-mère" },
		{ "grandfather|grandpa|grand pere|papi", "your grandfather", "votre grand-père" },
	};

	if (w.tense == OPENER_OFF)
		return false;
	for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
		if (find_any(fw, who[i].words) < 0)
			continue;
		if (lang == RP_LANG_FR) {
			put(b, "Comment va ");
			put(b, who[i].fr);
			put(b, NNBSP "?");
		} else {
			put(b, "How is ");
			put(b, who[i].en);
			put(b, " doing?");
		}
		return true;
	}
	put(b, lang == RP_LANG_FR ? "Comment vous sentez-vous" NNBSP "?" : "How are you feeling?");
	return true;
}

/* A birthday: looked forward to, then asked about; with no date, left. */
static bool
birthday_question(const struct fact_words *fw, enum rp_lang lang, struct when w,
		  struct buf *b)
{
	bool wedding = find_any(fw, "anniversary|ans de mariage|noces d|mariage") >= 0;

	if (w.tense == OPENER_AHEAD && lang == RP_LANG_FR)
		put(b, "Des projets pour l'anniversaire" NNBSP "?");
	else if (w.tense == OPENER_AHEAD)
		put(b, wedding ? "Any plans for the anniversary?" : "Any plans for the birthday?");
	else if (w.tense == OPENER_PAST && !w.weak && lang == RP_LANG_FR)
		put(b, "Comment s'est passé l'anniversaire" NNBSP "?");
	else if (w.tense == OPENER_PAST && !w.weak)
		put(b, wedding ? "How was the anniversary?" : "How was the birthday?");
	else
		return false;
	return true;
}

/* Retirement: looked forward to, then asked how it is. */
static bool
retirement_question(enum rp_lang lang, struct when w, struct buf *b)
{
	if (w.tense == OPENER_OFF)
		return false;
	if (w.tense == OPENER_AHEAD)
		put(b, lang == RP_LANG_FR ? "Vous avez hâte d'être à la retraite" NNBSP "?"
					 : "Looking forward to retirement?");
	else if (w.tense == OPENER_PAST)
		put(b, lang == RP_LANG_FR ? "Comment se passe la retraite" NNBSP "?"
					 : "How is retirement treating you?");
	else
		put(b, lang == RP_LANG_FR ? "Du nouveau pour vos projets de retraite" NNBSP "?"
					 : "Any news on your retirement plans?");
	return true;
}

static bool
graduation_question(enum rp_lang lang, struct when w, struct buf *b)
{
	struct np np;

	if (w.tense == OPENER_OFF)
		return false;
	np_init(&np, "the graduation", "la", "remise des diplômes", FEM);
	return ask_by_tense(b, &np, lang, w, false);
}

/* A team someone supports: "big fan of Manchester United", "supporter
** de l'OM" (the French article kept with it). */
static bool
sport_team(const struct fact_words *fw, size_t *start, size_t *end, size_t *fr_start)
{
	for (size_t k = 0; k < fw->n; k++) {
		size_t i = k + 1;

		if (!in_list(fw->tok[k].fold, "fan|fans|supporter|supporters|supports|supporte|"
					      "supportrice"))
			continue;
		while (i < fw->n && fw->tok[i].joined && !fw->tok[i].cap &&
		       in_list(fw->tok[i].fold, "of|du|de|des|l|the|d"))
			i++;
		if (i < fw->n && fw->tok[i].joined && name_at(fw, i, start, end)) {
			*fr_start = strcmp(fw->tok[i - 1].fold, "l") == 0 ? fw->tok[i - 1].start
									 : *start;
			return true;
		}
	}
	return false;
}

static bool
sport_question(const struct fact_words *fw, enum rp_lang lang, struct buf *b)
{
	size_t start, end, fr_start;

	if (sport_team(fw, &start, &end, &fr_start)) {
		if (lang == RP_LANG_FR) {
			put(b, "Comment s'en sort ");
			put_n(b, fw->text + fr_start, end - fr_start);
			put(b, " cette saison" NNBSP "?");
		} else {
			put(b, "How is ");
			put_n(b, fw->text + start, end - start);
			put(b, " doing this season?");
		}
		return true;
	}
	put_rule(b, match_rules(fw, sport_rules, sizeof sport_rules / sizeof sport_rules[0]), lang,
		 "How's the sport going — still at it?", "Et le sport, vous continuez" NNBSP "?");
	return true;
}

/* ---- Quoting a fact ----------------------------------------------------- */

#define QUOTE_MAX_CPS 60

/* Words a quote cut short must not end on: "elle adore la…" says less
** than "elle adore…". */
static const char quote_tail_words[] =
	"the|a|an|of|to|and|or|in|on|at|for|with|from|by|my|your|his|her|their|our|its|is|"
	"are|was|were|but|very|so|that|le|la|les|l|d|de|du|des|un|une|et|ou|au|aux|en|pour|"
	"avec|dans|sur|chez|par|son|sa|ses|mon|ma|mes|votre|vos|notre|nos|leur|leurs|qui|que|"
	"qu|ce|cette|ces|est|sont|mais|tres|si|s|n|j|m|t|chaque|each|every|tout|toute|tous|"
	"toutes|quelques|some|plusieurs|several|any|aucun|aucune";

/* Where a quote of the fact ends: whole when it has at most QUOTE_MAX_CPS
** characters, else after a whole word that is not a small one, and *cut
** set (a run of Chinese or Japanese, without blanks, is cut at a
** character).  0 when nothing is left to quote. */
static size_t
quote_end(const struct fact_words *fw, bool *cut)
{
	const char *s = fw->text;
	size_t len = strlen(s), end = len;

	*cut = false;
	if (count_cps(s, 0, len) > QUOTE_MAX_CPS) {
		size_t limit = cut_cps(s, 0, len, QUOTE_MAX_CPS - 1);  /* room for the "…" */
		size_t k = 0, n = 0;
		uint32_t cp = 0;

		*cut = true;
		while (n < fw->n && fw->tok[n].end <= limit)
			n++;
		/* tok[n] runs over the limit */
		if (n < fw->n && fw->tok[n].start < limit &&
		    text_utf8_decode(s + fw->tok[n].start, len - fw->tok[n].start, &cp) > 0 &&
		    cp >= 0x2E80) {
			end = limit;
		} else {
			for (k = n; k > 0 && in_list(fw->tok[k - 1].fold, quote_tail_words); k--)
				;
			if (k == 0)
				return 0;
			end = fw->tok[k - 1].end;
		}
	}
	while (end > 0 && strchr(" .,;:-", s[end - 1]) != NULL)
		end--;
	return end;
}

/* The word to say instead of token i of a fact in flang, as said back to
** the client ("my" is "your", "mon" is "votre"), or NULL to keep it. */
static const char *
swap_word(const struct fact_words *fw, size_t i, enum rp_lang flang)
{
	static const char *const en[][2] = {
		{ "my", "your" }, { "mine", "yours" }, { "our", "your" }, { "ours", "yours" },
		{ "myself", "yourself" }, { "ourselves", "yourselves" }, { "me", "you" },
		{ "we", "you" },
	};
	static const char *const fr[][2] = {
		{ "mon", "votre" }, { "ma", "votre" }, { "notre", "votre" }, { "mes", "vos" },
		{ "nos", "vos" }, { "moi", "vous" },
	};
	const struct token *t = &fw->tok[i];
	const char *orig = fw->text + t->start;
	size_t olen = t->end - t->start;
	bool after_i = i > 0 && fw->tok[i - 1].end - fw->tok[i - 1].start == 1 &&
		       fw->text[fw->tok[i - 1].start] == 'I';

	if (flang == RP_LANG_FR) {
		for (size_t k = 0; k < sizeof fr / sizeof fr[0]; k++)
			if (strcmp(t->fold, fr[k][0]) == 0)
				return fr[k][1];
		/* "chez nous" is "chez vous"; "nous partons" would need its verb. */
		if (strcmp(t->fold, "nous") == 0 && i > 0 &&
		    in_list(fw->tok[i - 1].fold, "chez|avec|pour|a|de"))
			return "vous";
		return NULL;
	}
	for (size_t k = 0; k < sizeof en / sizeof en[0]; k++)
		if (strcmp(t->fold, en[k][0]) == 0)
			return en[k][1];
	if (olen == 1 && orig[0] == 'I')
		return "you";
	if (olen == 2 && memcmp(orig, "us", 2) == 0)  /* not "the US" */
		return "you";
	if (after_i && strcmp(t->fold, "am") == 0)
		return "are";
	if (after_i && strcmp(t->fold, "was") == 0)
		return "were";
	if (after_i && strcmp(t->fold, "m") == 0 && t->joined)
		return "re";  /* I'm: you're */
	return NULL;
}

/* fw->text[0..end) with the client's own words turned to "your". */
static void
put_quoted(struct buf *b, const struct fact_words *fw, size_t end, enum rp_lang flang)
{
	size_t at = 0;

	for (size_t i = 0; i < fw->n && fw->tok[i].end <= end; i++) {
		const struct token *t = &fw->tok[i];
		const char *with = swap_word(fw, i, flang);
		bool upper = fw->text[t->start] >= 'A' && fw->text[t->start] <= 'Z';

		if (with == NULL)
			continue;
		put_n(b, fw->text + at, t->start - at);
		/* "My" opening the fact is "Your"; "I" inside it is "you". */
		if (upper && (i == 0 || strcmp(t->fold, "i") != 0)) {
			char first[2] = { (char)(with[0] - 'a' + 'A'), '\0' };

			put(b, first);
			put(b, with + 1);
		} else {
			put(b, with);
		}
		at = t->end;
	}
	put_n(b, fw->text + at, end - at);
}

/* The fact itself, quoted, and asked about by its tense.  False when
** nothing is left to quote, or it did not happen. */
/* What is to remember, not to ask about: "allergic to nuts", "born in
** Tokyo". */
static const char not_to_ask[] =
	"allergic|allergy|allergique|allergie|intolerant|intolerante|intolerance|diabetic|"
	"diabetique|born|ne a|nee a|ne en|nee en|originaire|doesn t drink|"
	"does not drink|ne boit pas|teetotal|halal|kosher|casher|gluten|lactose|pronouns|"
	"pronoms|don t mention|do not mention|ne pas parler|sensitive|sensible|divorce|"
	"divorced|divorcee|funeral|obseques|deuil|passed away|died|deceased|decede|decedee";

/* Where someone lives or works: "lives in Lyon" asks how things are there. */
static const char home_verbs[] =
	"live|lives|living|based|habite|habitent|vit|vivent|installe|installee|works|working|"
	"travaille|travaillent";

static bool
home_question(const struct fact_words *fw, enum rp_lang lang, struct buf *b)
{
	struct place pl;

	if (fw->n > 6 || fw->n < 2 || !(in_list(fw->tok[0].fold, home_verbs) ||
					 in_list(fw->tok[1].fold, home_verbs)) ||
	    !find_place(fw, false, &pl))
		return false;
	if (lang == RP_LANG_FR) {
		put(b, "Comment ça se passe");
		put_place(b, fw, &pl, RP_LANG_FR, NULL);
		put(b, " en ce moment" NNBSP "?");
	} else {
		put(b, "How are things in ");
		put(b, pl.the ? "the " : "");
		put_n(b, fw->text + pl.start, pl.end - pl.start);
		put(b, " these days?");
	}
	return true;
}

static bool
quote_question(const struct fact_words *fw, enum rp_lang lang, struct when w, struct buf *b)
{
	bool cut;
	size_t end = quote_end(fw, &cut);

	if (end == 0 || w.tense == OPENER_OFF)
		return false;
	if (home_question(fw, lang, b))
		return true;
	put(b, lang == RP_LANG_FR ? "La dernière fois, vous avez mentionné «" NNBSP
				 : "Last time you mentioned \"");
	put_quoted(b, fw, end, fact_lang(fw, lang));
	if (cut)
		put(b, "…");
	put(b, lang == RP_LANG_FR ? NNBSP "»" NNBSP ": " : "\" — ");
	/* What is ahead may be a closing plant as well as a party: asked how
	** it shapes up, not how the preparations go. */
	if (w.tense == OPENER_AHEAD)
		put(b, lang == RP_LANG_FR ? "comment ça se présente" NNBSP "?"
					 : "how are things shaping up?");
	else if (w.tense == OPENER_PAST && !w.weak)
		put(b, lang == RP_LANG_FR ? "comment ça s'est passé" NNBSP "?"
					 : "how did that go?");
	else
		put(b, lang == RP_LANG_FR ? "du nouveau de ce côté" NNBSP "?" : "any news?");
	return true;
}

/* ---- A fact's question -------------------------------------------------- */

static bool
fact_question(const struct fact_words *fw, const char *kind, enum rp_lang lang, struct when w,
	      struct buf *b)
{
	const struct rule *rules = NULL;
	size_t nrules = 0, start, end, fr_start;
	enum event ev;

	/* Grief, a divorce, an allergy: to remember, never small talk. */
	if (find_any(fw, not_to_ask) >= 0)
		return false;
	if (ascii_iequal(kind, "sport")) {
		rules = sport_rules;
		nrules = sizeof sport_rules / sizeof sport_rules[0];
	} else if (ascii_iequal(kind, "family")) {
		rules = family_rules;
		nrules = sizeof family_rules / sizeof family_rules[0];
	} else if (ascii_iequal(kind, "hobby")) {
		rules = hobby_rules;
		nrules = sizeof hobby_rules / sizeof hobby_rules[0];
	} else if (ascii_iequal(kind, "work")) {
		rules = work_rules;
		nrules = sizeof work_rules / sizeof work_rules[0];
	}
	ev = pick_event(fw, kind, rules, nrules);
	if (ev == EV_NONE && ascii_iequal(kind, "travel"))
		ev = EV_TRIP;
	else if (ev == EV_NONE && ascii_iequal(kind, "food"))
		ev = EV_MEAL;
	switch (ev) {
	case EV_JOB:
		return job_question(lang, w, b);
	case EV_TALK:
	case EV_CONF:
		return conference_question(fw, lang, w, ev == EV_TALK, b);
	case EV_MOVE:
		return move_question(fw, lang, w, b);
	case EV_WEDDING:
		return wedding_question(fw, lang, w, b);
	case EV_RACE:
		return race_question(fw, lang, w, b);
	case EV_TRIP:
		return trip_question(fw, lang, w, b);
	case EV_BABY:
		return baby_question(fw, lang, w, b);
	case EV_MEAL:
		return meal_question(fw, lang, w, b);
	case EV_PET:
		return pet_question(fw, lang, b);
	case EV_HEALTH:
		return health_question(fw, lang, w, b);
	case EV_BIRTHDAY:
		return birthday_question(fw, lang, w, b);
	case EV_RETIREMENT:
		return retirement_question(lang, w, b);
	case EV_GRADUATION:
		return graduation_question(lang, w, b);
	case EV_NONE:
		break;
	}
	/* Nothing to ask about what did not happen. */
	if (w.tense == OPENER_OFF)
		return false;
	if (ascii_iequal(kind, "sport"))
		return sport_question(fw, lang, b);
	if (ascii_iequal(kind, "family")) {
		put_rule(b, match_rules(fw, rules, nrules), lang, "How is the family?",
			 "Comment va la famille" NNBSP "?");
		return true;
	}
	if (ascii_iequal(kind, "hobby")) {
		put_rule(b, match_rules(fw, rules, nrules), lang,
			 "Had time for your hobbies lately?",
			 "Vous avez eu du temps pour vos loisirs récemment" NNBSP "?");
		return true;
	}
	if (sport_team(fw, &start, &end, &fr_start))
		return sport_question(fw, lang, b);
	if (ascii_iequal(kind, "work")) {
		put_rule(b, match_rules(fw, rules, nrules), lang,
			 "How are things on your side at work?",
			 "Comment ça se passe au travail de votre côté" NNBSP "?");
		return true;
	}
	return quote_question(fw, lang, w, b);
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

/* Write the opener for f into out (OPENER_TEXT_MAX bytes).  False when the
** fact gives nothing to ask (an "other" fact without words, an event that
** did not happen) or when out of memory: the fact is then left out. */
static bool
fact_opener(const opener_fact *f, enum rp_lang lang, rp_date today, char *out)
{
	const char *kind = f->kind ? f->kind : "other";
	const char *text = f->text ? f->text : "", *rest;
	char question[OPENER_TEXT_MAX], lead[64];
	struct fact_words *fw;
	struct buf b = { question, 0, false };
	struct when w;
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
	w = when_of(fw, f->learned_on, today);
	/* A new date is asked for a while after it was put off, then the
	** PM knows it or it is let go. */
	if (w.tense == OPENER_OFF &&
	    (!date_valid(today.year, today.month, today.day) ||
	     !date_valid(f->learned_on.year, f->learned_on.month, f->learned_on.day) ||
	     date_to_days(today) > date_to_days(f->learned_on) + OFF_ASK_DAYS))
		ok = false;
	else
		ok = fact_question(fw, kind, lang, w, &b);
	if (ok && f->person && *f->person)
		name_person(f->person, &b, out);
	else if (ok)
		memcpy(out, question, b.len + 1);
out:
	free(fw->text);
	free(fw);
	return ok;
}

/* ---- Guessing a kind ---------------------------------------------------- */

/* Food that is no event: what the client likes to eat or drink. */
static const char food_words[] =
	"vegetarian|vegan|vegetarien|vegetarienne|wine|vin|coffee|cook|cooking|"
	"cuisiner|foodie|gastronomie|chocolate|chocolat|cheese|fromage|patisserie|baking|"
	"bakery|boulangerie|tacos|pizza|ramen|bbq|barbecue|food|gourmand|gourmande|"
	"fait la cuisine|cuisine tres|cuisine bien";

const char *
opener_kind_guess(const char *text)
{
	struct fact_words *fw = calloc(1, sizeof *fw);
	const char *kind = "other";
	struct place pl;
	size_t start, end, fr_start;

	if (fw == NULL)
		return kind;
	if ((fw->text = clean_text(text ? text : "")) == NULL)
		goto out;
	tokenize(fw);
	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
		if (event_found(fw, events[i].ev, events[i].words)) {
			kind = events[i].kind;
			goto out;
		}
	if (match_rules(fw, family_rules, sizeof family_rules / sizeof family_rules[0]))
		kind = "family";
	else if (match_rules(fw, sport_rules, sizeof sport_rules / sizeof sport_rules[0]) ||
		 find_any(fw, "sport|sporty|sportif|sportive") >= 0 ||
		 sport_team(fw, &start, &end, &fr_start))
		kind = "sport";
	else if (match_rules(fw, hobby_rules, sizeof hobby_rules / sizeof hobby_rules[0]) ||
		 find_any(fw, "music|musique|hobby|hobbies|loisir|loisirs") >= 0)
		kind = "hobby";
	else if (match_rules(fw, work_rules, sizeof work_rules / sizeof work_rules[0]))
		kind = "work";
	else if (find_any(fw, food_words) >= 0)
		kind = "food";
	else if (trip_place(fw, &pl))
		kind = "travel";
out:
	free(fw->text);
	free(fw);
	return kind;
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

