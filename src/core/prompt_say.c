/* prompt_say.c: a note said back to the client.  See prompt_say.h.
**
** phrase.c reads the note's words; here they become a sentence in the
** client's language.  A worry the note says itself ("worried that",
** "afraid of", « peur que », « inquiet du ») is taken out and the sentence
** says it once, with the right conjunction ("that", "about", « que »,
** « de »); a need's "needs" or « a besoin de » likewise.
**
** French never needs a subjunctive it cannot give: « vous craignez que … »
** only follows the note's own « que », its verb turned to the subjunctive
** where the note wrote the indicative (« est » « soit »), and a bare clause
** is said « ce qui vous inquiète, c'est que … », which takes the
** indicative.
*/
#include "prompt_say.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phrase.h"
#include "rapport/date.h"
#include "rapport/text.h"

char *
say_typography(enum rp_lang lang, const char *text, char *out, size_t size)
{
	if (lang == RP_LANG_FR)
		phrase_fr_typography(text, out, size);
	else
		snprintf(out, size, "%s", text);
	return out;
}

char *
say_excerpt(enum rp_lang lang, const char *text, size_t max_chars, bool tags, char *out,
	    size_t size)
{
	char *s = phrase_clean(text, tags);
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	free(s);
	phrase_finish(&p, 0, lang, max_chars, out, size);
	phrase_free(&p);
	return out;
}

static bool has_det(const phrase *p, size_t at, enum rp_lang lang, bool *many);

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
		if (phrase_word_is(p, 0, lang, (const char *const[]){ "you're", NULL }))
			return phrase_word_is(p, 1, lang, (const char *const[]){ "not", NULL });
		return phrase_word_is(p, 0, lang, (const char *const[]){ "you", NULL }) &&
		       phrase_word_is(p, 1, lang, en_views) &&
		       (!phrase_word_is(p, 1, lang, (const char *const[]){ "don't", "are", "aren't", NULL }) ||
			phrase_word_is(p, 2, lang,
				(const char *const[]){ "think", "believe", "expect", "not", "sure",
						       NULL }));
	}
	if (p->n < 3 || !phrase_word_is(p, 0, lang, (const char *const[]){ "vous", NULL }))
		return false;
	if (phrase_word_is(p, 1, lang, fr_views))
		return true;  /* « vous pensez que » */
	if (phrase_word_is(p, 1, lang, (const char *const[]){ "ne", NULL }))
		return phrase_word_is(p, 2, lang, fr_views);  /* « vous ne pensez pas » */
	phrase_key(p->w[1], lang, k, el);
	if (strcmp(el, "n") == 0 && strcmp(k, "etes") == 0)
		return phrase_word_is(p, 2, lang, (const char *const[]){ "pas", "plus", NULL });
	if (strcmp(k, "avez") == 0) {
		/* « vous avez l'impression que », « le sentiment » */
		phrase_key(p->w[2], lang, k, el);
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
		return phrase_word_is(p, at, lang, (const char *const[]){ "no", NULL });
	if (phrase_word_is(p, at, lang, (const char *const[]){ "aucun", "aucune", NULL }))
		return true;
	phrase_key(p->w[at + 1], lang, k, el);
	return phrase_word_is(p, at, lang, (const char *const[]){ "pas", NULL }) &&
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
	if (at >= p->n || !phrase_word_is(p, at, RP_LANG_EN, en_the_nouns) || phrase_upper(p->w[at]))
		return false;
	phrase_insert(p, at, "the");
	for (size_t i = at + 2; i < p->n && i < at + 5; i++)
		if (phrase_word_is(p, i, RP_LANG_EN, (const char *const[]){ "too", NULL })) {
			char k[KEY_MAX];
			size_t len = strlen(phrase_key(p->w[i - 1], RP_LANG_EN, k, NULL));

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
		phrase_key(p->w[i], RP_LANG_FR, k, el);
		if (strncmp(p->w[i] + phrase_lead_punct(p->w[i]), "à", 2) == 0)
			continue;
		if (strcmp(el, "n") == 0) {
			/* « qu'on n'est pas prêts » : the verb is after the elision */
			for (int m = 0; moods[m].ind; m++)
				if (strcmp(k, moods[m].ind) == 0 && phrase_vowel_first(moods[m].subj)) {
					phrase_swap(p, i, moods[m].subj, phrase_elision(p->w[i]));
					return;
				} else if (strcmp(k, moods[m].ind) == 0) {
					/* « n'est » : « ne soit » */
					phrase_swap(p, i, moods[m].subj, phrase_lead_punct(p->w[i]));
					phrase_insert(p, i, "ne");
					return;
				}
			return;
		}
		for (int m = 0; moods[m].ind; m++)
			if (strcmp(k, moods[m].ind) == 0) {
				if (strcmp(k, "va") == 0 && i + 1 < p->n &&
				    phrase_word_is(p, i + 1, RP_LANG_FR, (const char *const[]){ "etre", NULL })) {
					/* « va être réduit » : « soit réduit » */
					phrase_set(p, i, "soit");
					free(p->w[i + 1]);
					memmove(p->w + i + 1, p->w + i + 2, (p->n - i - 2) * sizeof *p->w);
					p->n--;
				} else {
					phrase_swap(p, i, moods[m].subj, 0);
				}
				return;
			}
		if (phrase_in(k, phrase_fr_verbs))
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
	phrase_key(p->w[at], RP_LANG_FR, k, el);
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
	} else if (phrase_vowel_first(p->w[at] + phrase_lead_punct(p->w[at])) && !phrase_cased_inside(p->w[at])) {
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
		if (phrase_word_is(p, 0, lang, (const char *const[]){ "i'm", "we're", "im", NULL }))
			i = 1;
		else if (phrase_word_is(p, 0, lang, (const char *const[]){ "i", "we", NULL }))
			i = phrase_word_is(p, 1, lang, (const char *const[]){ "am", "are", NULL }) ? 2 : 1;
	} else {
		phrase_key(p->n ? p->w[0] : "", lang, k, el);
		if (strcmp(el, "j") == 0)        /* « j'ai peur » */
			i = 1;
		else if (phrase_word_is(p, 0, lang, (const char *const[]){ "je", "nous", "on", NULL }))
			i = phrase_word_is(p, 1, lang,
				    (const char *const[]){ "suis", "sommes", "est", "a", "avons", "ai",
							   NULL })
				    ? 2
				    : 1;
	}
	for (int n = 0; n < 3 && phrase_word_is(p, i, lang, phrase_softeners); n++)
		i++;
	if (i >= p->n)
		return false;
	phrase_key(p->w[i], lang, k, NULL);
	if (lang == RP_LANG_EN ? !phrase_in(k, phrase_en_worries)
			       : !phrase_in(k, phrase_fr_worries_inquiet) && !phrase_in(k, phrase_fr_worries_peur))
		return false;
	*peur = lang == RP_LANG_FR && phrase_in(k, phrase_fr_worries_peur);
	i++;
	if (i >= p->n)
		return false;
	phrase_key(p->w[i], lang, k, el);
	if (lang == RP_LANG_EN) {
		if (strcmp(k, "that") == 0) {
			*link = LINK_THAT;
			i++;
		} else if (phrase_in(k, (const char *const[]){ "about", "of", "over", "regarding", "re",
							   "around", "for", "on", "with", NULL })) {
			*link = LINK_ABOUT;
			i++;
		}
	} else if (strcmp(el, "qu") == 0) {
		/* « peur qu'on rate » : the word after the elision opens the rest */
		char w[KEY_MAX * 2];

		snprintf(w, sizeof w, "%s", p->w[i] + phrase_elision(p->w[i]));
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
	} else if (phrase_in(k, (const char *const[]){ "sur", "concernant", "quant", NULL })) {
		*link = LINK_ABOUT;
		i++;
		if (phrase_word_is(p, i, lang, (const char *const[]){ "a", "au", "aux", NULL }) && k[0] == 'q')
			i++;
	} else if (phrase_in(k, (const char *const[]){ "a", "au", NULL }) &&
		   phrase_word_is(p, i + 1, lang, (const char *const[]){ "propos", "sujet", NULL })) {
		*link = LINK_ABOUT;
		i += 2;
		if (phrase_word_is(p, i, lang, (const char *const[]){ "de", NULL }))
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
		if (phrase_word_is(p, i, lang, lang == RP_LANG_FR ? phrase_fr_worries_inquiet : phrase_en_worries) ||
		    (lang == RP_LANG_FR && phrase_word_is(p, i, lang, phrase_fr_worries_peur)))
			worry = true;
		else if (!phrase_word_is(p, i, lang, be) && !phrase_word_is(p, i, lang, phrase_softeners))
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
	const char *const *adj = lang == RP_LANG_FR ? phrase_fr_worried_adj : phrase_en_worried_adj;
	char k[KEY_MAX], prev[KEY_MAX];

	for (size_t i = 1; i < p->n && i <= 5; i++) {
		if (!phrase_word_is(p, i, lang, adj))
			continue;
		phrase_key(p->w[i - 1], lang, prev, NULL);
		if (phrase_in(prev, phrase_softeners) && i >= 2)
			phrase_key(p->w[i - 2], lang, prev, NULL);
		if (!phrase_is_clause(p, 0, lang)) {
			size_t at = i;

			while (at > 1 && phrase_word_is(p, at - 1, lang, phrase_softeners))
				at--;
			phrase_key(p->w[at - 1], lang, k, NULL);
			if (lang == RP_LANG_FR)
				phrase_insert(p, at, phrase_word_is(p, i, lang, phrase_fr_plural_adj) ? "sont" : "est");
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
	char *s = phrase_clean(note, true), words[SAY_SIZE];
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
	phrase_shift_person(&p, rest, lang);
	phrase_lower_first(&p, rest, lang);
	if (question) {
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, IN_LANG(lang, "Your worry is: ", "Votre inquiétude, c'est" NNBSP ": "),
		      words, IN_LANG(lang, " Did I get that right?", " C'est bien ça" NNBSP "?"));
		goto out;
	}
	if (!lead && worry_inside(&p, lang)) {
		phrase_finish(&p, 0, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, IN_LANG(lang, "So ", "Si je vous suis bien, "), words,
		      IN_LANG(lang, " — did I get that right?", NNBSP ": c'est bien ça" NNBSP "?"));
		goto out;
	}
	if (link == LINK_NONE)
		link = phrase_is_clause(&p, rest, lang) ? LINK_THAT : LINK_ABOUT;
	if (link == LINK_THAT && !lead && opinion(&p, lang)) {
		/* "you don't think you can hit March" says the worry itself */
		phrase_finish(&p, 0, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, IN_LANG(lang, "So ", "Si je vous suis bien, "), words,
		      IN_LANG(lang, " — did I get that right?", NNBSP ": c'est bien ça" NNBSP "?"));
		goto out;
	}
	if (link == LINK_ABOUT && no_thing(&p, rest, lang)) {
		/* "no budget left": that there is none */
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
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
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, link == LINK_THAT ? "You're worried that " : "You're worried about ",
		      words, " — did I get that right?");
		goto out;
	}
	if (link == LINK_THAT && lead) {
		/* the client's own « que », with the client's verb, in the
		** subjunctive « craindre que » wants */
		bool elide = phrase_que_elides(p.w[rest]);

		fr_subjunctive(&p, rest);
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size,
		      elide ? "Si je vous suis bien, vous craignez qu'" : "Si je vous suis bien, vous craignez que ",
		      words, NNBSP ": c'est bien ça" NNBSP "?");
	} else if (link == LINK_THAT) {
		bool elide = phrase_que_elides(p.w[rest]);

		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, elide ? "Ce qui vous inquiète, c'est qu'" : "Ce qui vous inquiète, c'est que ",
		      words, NNBSP ": ai-je bien compris" NNBSP "?");
	} else if (link == LINK_ABOUT && !has_det(&p, rest, lang, &many) &&
		   !phrase_word_is(&p, rest, lang, (const char *const[]){ "du", "de", NULL }) &&
		   phrase_elision(p.w[rest]) == 0 && !phrase_upper(p.w[rest])) {
		/* « livraison à temps » has no article to take « de »: quoted,
		** it is one thing, and singular */
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size, "Si je vous suis bien, «" NNBSP, words,
		      NNBSP "» vous inquiète" NNBSP ": c'est bien ça" NNBSP "?");
	} else {
		if (link == LINK_ABOUT)
			fr_de(&p, rest);
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
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

	if (i >= p->n || phrase_upper(p->w[i]))
		return false;
	len = strlen(phrase_key(p->w[i], RP_LANG_FR, k, NULL));
	return !phrase_in(k, phrase_fr_dets) && len >= 4 &&
	       (strcmp(k + len - 2, "er") == 0 || strcmp(k + len - 2, "ir") == 0 ||
		strcmp(k + len - 2, "re") == 0) &&
	       !phrase_in(k, (const char *const[]){ "dossier", "fichier", "calendrier", "partenaire",
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
		if (phrase_word_is(p, 0, lang, (const char *const[]){ "i", "we", "i'd", "we'd", "they", NULL }))
			i = 1;
		while (phrase_word_is(p, i, lang,
			       (const char *const[]){ "would", "really", "also", "still", "definitely",
						      "absolutely", "just", "do", "urgently", NULL }))
			i++;
		phrase_key(i < p->n ? p->w[i] : "", lang, k, NULL);
		if (phrase_in(k, (const char *const[]){ "looking", "asking", "asked", "asks", NULL }) &&
		    phrase_word_is(p, i + 1, lang, (const char *const[]){ "for", NULL }))
			i++;
		else if (!phrase_in(k, (const char *const[]){ "need", "needs", "needed", "want", "wants",
							  "wanted", "like", "require", "requires",
							  "required", NULL }))
			return false;
		i++;
		if (phrase_word_is(p, i, lang, (const char *const[]){ "to", NULL })) {
			*inf = true;
			i++;
		}
	} else {
		phrase_key(p->n ? p->w[0] : "", lang, k, el);
		if (strcmp(el, "j") == 0 && !phrase_in(k, fr_need_verbs))
			i = 1;  /* « j'ai besoin », but « j'aimerais » is the need itself */
		else if (phrase_word_is(p, 0, lang, (const char *const[]){ "je", "nous", "on", "il", "ils",
								    "elle", "elles", NULL }))
			i = 1;
		if (phrase_word_is(p, i, lang, (const char *const[]){ "a", "ont", "avons", "ai", "nous", NULL }))
			i++;
		while (phrase_word_is(p, i, lang,
			       (const char *const[]){ "vraiment", "aussi", "surtout", "absolument",
						      "bien", "encore", NULL }))
			i++;
		phrase_key(i < p->n ? p->w[i] : "", lang, k, NULL);
		if (!phrase_in(k, fr_need_verbs))
			return false;
		i++;
		if (i >= p->n)
			return false;
		phrase_key(p->w[i], lang, k, el);
		if (strcmp(k, "que") == 0 || strcmp(el, "qu") == 0)
			return false;  /* « il faut que … » is a clause: said whole */
		if (strcmp(el, "d") == 0) {
			char w[KEY_MAX * 2];

			snprintf(w, sizeof w, "%s", p->w[i] + phrase_elision(p->w[i]));
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
	phrase_key(p->w[at], lang, k, NULL);
	if (lang == RP_LANG_EN)
		return phrase_in(k, phrase_en_dets) || (k[0] >= '0' && k[0] <= '9');
	*many = phrase_in(k, (const char *const[]){ "les", "des", "ces", "vos", "leurs", "ses",
						"plusieurs", "quelques", "deux", "trois", "quatre",
						"cinq", "dix", NULL }) ||
		(k[0] >= '2' && k[0] <= '9');
	return phrase_in(k, phrase_fr_dets) || (k[0] >= '0' && k[0] <= '9');
}

char *
say_dig(enum rp_lang lang, const char *note, char *out, size_t size)
{
	char *s = phrase_clean(note, true), words[SAY_SIZE];
	bool fr = lang == RP_LANG_FR, inf = false, lead = false, many;
	size_t rest = 0;
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	if (p.n == 0)
		goto out;
	if (p.n == 1 && (phrase_word_is(&p, 0, lang, fr_need_verbs) ||
			 phrase_word_is(&p, 0, lang,
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
	    phrase_word_is(&p, 0, lang, (const char *const[]){ "to", NULL })) {
		rest = 1;
		inf = true;
	} else if (!lead && !asks(&p) && fr && fr_infinitive(&p, 0)) {
		inf = true;
	}
	phrase_shift_person(&p, rest, lang);
	if (inf) {
		phrase_lower_first(&p, rest, lang);
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size,
		      IN_LANG(lang, "Why is it important for you to ",
			      phrase_vowel_first(words) ? "Pourquoi est-ce important pour vous d'"
						       : "Pourquoi est-ce important pour vous de "),
		      words, IN_LANG(lang, "?", NNBSP "?"));
		goto out;
	}
	/* "What would the export by March make possible for you?" */
	if (!asks(&p) && has_det(&p, rest, lang, &many) && !phrase_is_clause(&p, rest, lang)) {
		phrase_lower_first(&p, rest, lang);
		phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
		frame(out, size,
		      IN_LANG(lang, "What would ", many ? "Que vous apporteraient " : "Que vous apporterait "),
		      words, IN_LANG(lang, " make possible for you?", NNBSP "?"));
		goto out;
	}
	/* Said as it is, then the question: "Export to Excel by March — what
	** would that make possible for you?".  A French fragment keeps its
	** need (« Besoin de visibilité : … »); an English one reads on the
	** thing needed. */
	if (fr || phrase_is_clause(&p, rest, lang) || asks(&p))
		rest = 0;
	if (lead && rest == 0) {
		/* Said whole, and need_lead took the elision off « d'aide »:
		** the words again. */
		phrase_free(&p);
		phrase_split(&p, s);
		phrase_shift_person(&p, 0, lang);
	}
	phrase_finish(&p, rest, lang, SAY_NOTE_CHARS, words, sizeof words);
	phrase_upper_first(words);
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
		if (phrase_word_is(p, 0, lang, en_one))
			i = 1;
		else if (phrase_word_is(p, 0, lang, en_subj) && phrase_word_is(p, 1, lang, en_two))
			i = 2;
		if (i > 0 && phrase_word_is(p, i, lang, (const char *const[]){ "to", NULL }))
			i++;
	} else if (phrase_word_is(p, 0, lang, fr_subj) && phrase_word_is(p, 1, lang, fr_two)) {
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
	char *s = phrase_clean(note, true);
	size_t from;
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return out;
	phrase_split(&p, s);
	free(s);
	from = action ? action_lead(&p, lang) : 0;
	phrase_lower_first(&p, from, lang);
	phrase_finish(&p, from, lang, SAY_NOTE_CHARS, out, size);
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
	char *s = phrase_clean(note, true), k[KEY_MAX];
	size_t found = 0;
	phrase p;

	out[0] = '\0';
	if (s == NULL)
		return 0;
	phrase_split(&p, s);
	free(s);
	if (p.n < 3 || !phrase_upper(p.w[0]) || phrase_cased_inside(p.w[0]) ||
	    phrase_in(phrase_key(p.w[0], lang, k, NULL), phrase_common_words) || phrase_upper(p.w[1]))
		goto out;
	phrase_key(p.w[1], lang, k, NULL);
	if (lang == RP_LANG_EN && (strcmp(k, "to") == 0 || strcmp(k, "will") == 0)) {
		free(p.w[1]);
		memmove(p.w + 1, p.w + 2, (p.n - 2) * sizeof *p.w);
		p.n--;
		found = 1;
	} else if (lang == RP_LANG_FR && !phrase_in(k, phrase_common_words) && !phrase_in(k, phrase_fr_dets) &&
		   !phrase_in(k, phrase_fr_preps) && strlen(k) > 2 &&
		   (k[strlen(k) - 1] == 'e' || k[strlen(k) - 1] == 't' || phrase_in(k, phrase_fr_verbs))) {
		found = 1;
	}
	if (found)
		phrase_finish(&p, 0, lang, SAY_NOTE_CHARS, out, size);
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
	char *s = phrase_clean(note, true), words[SAY_SIZE];
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
	phrase_finish(&p, 0, lang, SAY_NOTE_CHARS, words, sizeof words);
	phrase_upper_first(words);
	frame(out, size, "", words,
	      IN_LANG(lang, " — answer now, or log it as an action",
		      " — à trancher maintenant, ou à noter comme action"));
	phrase_free(&p);
	return out;
}
