/* test_opener.c: small-talk openers from facts and the library, and the
** rotation that keeps the same question from being asked twice in a row
** (opener.h, DESIGN.md §3).
**
** The last meeting is on 2026-03-04 unless a test says otherwise.
*/
#include "rapport/opener.h"

#include <stdint.h>

#include "rapport/fact.h"
#include "rapport/text.h"
#include "tap.h"

static const rp_date learned = { 2026, 2, 1 };
static const rp_date last_meeting = { 2026, 3, 4 };
static const rp_date never = { 0, 0, 0 };

static opener out[OPENERS_MAX + 4];

/* The opener for one fact of kind with text, in lang: the first of the
** list, as facts come before the library when nothing was used. */
static const char *
one(const char *kind, const char *text, enum rp_lang lang)
{
	opener_fact f = { 7, kind, text, learned, NULL, { 0, 0, 0 }, false };
	size_t n = opener_generate(&f, 1, NULL, 0, lang, out, 1);

	if (n != 1 || out[0].fact_id != 7)
		return "(no fact opener)";
	return out[0].text;
}

#define EN(kind, text) one(kind, text, RP_LANG_EN)
#define FR(kind, text) one(kind, text, RP_LANG_FR)

/* Every question is safe to show and reads as a question. */
static void
check_shape(const opener *o, enum rp_lang lang)
{
	size_t len = strlen(o->text);

	CHECK(len > 2 && len < OPENER_TEXT_MAX);
	CHECK(text_utf8_valid(o->text, len));
	CHECK(!text_has_control(o->text));
	CHECK(o->text[len - 1] == '?');
	/* French: a narrow no-break space before "?", never a plain one. */
	if (lang == RP_LANG_FR)
		CHECK(len > 4 && memcmp(o->text + len - 4, NNBSP "?", 4) == 0);
	else
		CHECK(o->text[len - 2] != ' ');
	CHECK(strstr(o->text, " ?") == NULL);
}

static bool
same_date(rp_date a, rp_date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void
travel_en(void)
{
	CHECK_STR(EN("travel", "back from a business trip to Bali"), "How was your trip to Bali?");
	CHECK_STR(EN("travel", "back from a holiday in Portugal"), "How was Portugal?");
	/* Without today (opener_generate()), "next week" may be ahead or
	** over: asked for news. */
	CHECK_STR(EN("travel", "business trip to São Paulo next week"),
		  "Any news on your trip to São Paulo?");
	CHECK_STR(EN("travel", "off to New York in May with the team"),
		  "Any news on your trip to New York?");
	CHECK_STR(EN("travel", "went on a trip to Rio de Janeiro"),
		  "How was your trip to Rio de Janeiro?");
	CHECK_STR(EN("travel", "vacation in the Maldives"),
		  "Any news on your holiday in the Maldives?");
	CHECK_STR(EN("travel", "back from a vacation in the Maldives"),
		  "How was your holiday in the Maldives?");
	CHECK_STR(EN("travel", "conference trip to the US"), "Any news on your trip to the US?");
	CHECK_STR(EN("travel", "just back from Tokyo"), "How was your trip to Tokyo?");
	CHECK_STR(EN("travel", "Trip to The Hague, then Bruges"),
		  "Any news on your trip to The Hague?");
	/* "in April" is a date, "to Lisbon" the place. */
	CHECK_STR(EN("travel", "in April to Lisbon"), "Any news on your trip to Lisbon?");
	CHECK_STR(EN("travel", "ski trip to Chamonix"), "Any news on your ski trip to Chamonix?");
	CHECK_STR(EN("travel", "road trip around Iceland"), "Any news on your trip to Iceland?");
}

static void
travel_fr(void)
{
	CHECK_STR(FR("travel", "back from a business trip to Bali"),
		  "Comment s'est passé votre voyage à Bali" NNBSP "?");
	CHECK_STR(FR("travel", "rentré d'un voyage d'affaires à Lisbonne"),
		  "Comment s'est passé votre voyage à Lisbonne" NNBSP "?");
	CHECK_STR(FR("travel", "vacances en Italie"),
		  "Du nouveau pour vos vacances en Italie" NNBSP "?");
	CHECK_STR(FR("travel", "de retour de vacances au Portugal"),
		  "Comment se sont passées vos vacances au Portugal" NNBSP "?");
	CHECK_STR(FR("travel", "part aux États-Unis en juin"),
		  "Du nouveau pour votre voyage aux États-Unis" NNBSP "?");
	CHECK_STR(FR("travel", "congés à la Réunion"),
		  "Du nouveau pour vos vacances à la Réunion" NNBSP "?");
	CHECK_STR(FR("travel", "séjour au ski à Chamonix la semaine dernière"),
		  "Comment s'est passé votre séjour au ski à Chamonix" NNBSP "?");
}

/* The fact's language does not pick the question's: keywords are read in
** both, names are copied as written, French prepositions come from a small
** table when the fact was noted in English. */
static void
travel_across_languages(void)
{
	CHECK_STR(EN("travel", "rentrée de vacances en Italie"), "How was Italie?");
	CHECK_STR(EN("travel", "voyage d'affaires à Lisbonne"),
		  "Any news on your trip to Lisbonne?");
	CHECK_STR(EN("travel", "rentrée de congés à la Réunion"), "How was Réunion?");
	CHECK_STR(FR("travel", "back from a holiday in Portugal"),
		  "Comment se sont passées vos vacances au Portugal" NNBSP "?");
	CHECK_STR(FR("travel", "two weeks holiday in Spain"),
		  "Du nouveau pour vos vacances en Spain" NNBSP "?");
	CHECK_STR(FR("travel", "vacation in the Maldives"),
		  "Du nouveau pour vos vacances aux Maldives" NNBSP "?");
	CHECK_STR(FR("travel", "went to Berlin"), "Comment s'est passé votre voyage à Berlin" NNBSP "?");
}

static void
travel_no_place(void)
{
	CHECK_STR(EN("travel", "big trip planned for the summer"), "Any news on your trip?");
	CHECK_STR(FR("travel", "big trip planned for the summer"),
		  "Du nouveau pour votre voyage" NNBSP "?");
	CHECK_STR(EN("travel", "holiday in April"), "Any news on your holiday?");
	CHECK_STR(FR("travel", "vacances en août"), "Du nouveau pour vos vacances" NNBSP "?");
	CHECK_STR(EN("travel", "back from a road trip to 8 cities"), "How was your trip?");
	CHECK_STR(EN("travel", "trip to: Bali"), "Any news on your trip?");
	CHECK_STR(EN("travel", ""), "Any news on your trip?");
}

static void
sport(void)
{
	CHECK_STR(EN("sport", "runs the Paris marathon in April"),
		  "How is the training for the Paris marathon going?");
	CHECK_STR(FR("sport", "runs the Paris marathon in April"),
		  "Comment se passe la préparation du marathon de Paris" NNBSP "?");
	CHECK_STR(EN("sport", "prépare le marathon de New York"),
		  "How is the training for the New York marathon going?");
	CHECK_STR(FR("sport", "prépare le marathon de New York"),
		  "Comment se passe la préparation du marathon de New York" NNBSP "?");
	/* A capital opening the fact may only begin the sentence. */
	CHECK_STR(EN("sport", "Marathons, three a year"), "How is the training for the marathon going?");
	CHECK_STR(EN("sport", "plays tennis every Sunday"), "Still playing tennis? How's your game?");
	CHECK_STR(FR("sport", "plays tennis every Sunday"),
		  "Vous jouez toujours au tennis" NNBSP "? Comment se passent les matchs" NNBSP "?");
	CHECK_STR(FR("sport", "joue au padel le jeudi"),
		  "Vous jouez toujours au padel" NNBSP "? Comment se passent les matchs" NNBSP "?");
	CHECK_STR(EN("sport", "fait du vélo le week-end"), "Still cycling? Any good rides lately?");
	CHECK_STR(FR("sport", "keen cyclist"), "Toujours à vélo" NNBSP "? De belles sorties récemment" NNBSP "?");
	CHECK_STR(EN("sport", "golfer"), "Still playing golf? How's your handicap?");
	CHECK_STR(EN("sport", "goes skiing in Val d'Isère"), "Any skiing planned this season?");
	CHECK_STR(FR("sport", "yoga twice a week"),
		  "Vous faites toujours du yoga" NNBSP "? Comment se passe la pratique" NNBSP "?");
	CHECK_STR(EN("sport", "natation le matin"), "Still swimming? How's it going in the pool?");
	CHECK_STR(EN("sport", "fan de foot"), "How's your football team doing?");
	/* A team by its name, the French article kept. */
	CHECK_STR(EN("sport", "fan de foot, supporter de l'OM"), "How is OM doing this season?");
	CHECK_STR(FR("sport", "fan de foot, supporter de l'OM"),
		  "Comment s'en sort l'OM cette saison" NNBSP "?");
	CHECK_STR(EN("other", "big fan of Manchester United"),
		  "How is Manchester United doing this season?");
	CHECK_STR(FR("sport", "huge football fan"), "Comment va votre équipe de foot" NNBSP "?");
	CHECK_STR(EN("sport", "fait de l'escalade"), "Still climbing? Any good routes lately?");
	CHECK_STR(FR("sport", "goes running before work"),
		  "Vous courez toujours" NNBSP "? Comment se passe l'entraînement" NNBSP "?");
	CHECK_STR(EN("sport", "course à pied"), "Still running? How's the training going?");
	/* Specific before generic: "runs" is also a verb. */
	CHECK_STR(EN("sport", "runs to the tennis club"), "Still playing tennis? How's your game?");
	/* Hurt, the question is how they feel. */
	CHECK_STR(EN("sport", "broke his foot"), "How are you feeling?");
	CHECK_STR(FR("sport", "s'est cassé le poignet au ski"), "Comment vous sentez-vous" NNBSP "?");
	CHECK_STR(EN("sport", "loves sports"), "How's the sport going — still at it?");
	CHECK_STR(FR("sport", "très sportive"), "Et le sport, vous continuez" NNBSP "?");
}

static void
family(void)
{
	CHECK_STR(EN("family", "daughter started university"), "How is your daughter doing?");
	CHECK_STR(FR("family", "daughter started university"), "Comment va votre fille" NNBSP "?");
	CHECK_STR(EN("family", "sa fille entre au lycée"), "How is your daughter doing?");
	CHECK_STR(EN("family", "two daughters, 4 and 7"), "How are your daughters doing?");
	CHECK_STR(FR("family", "two daughters, 4 and 7"), "Comment vont vos filles" NNBSP "?");
	CHECK_STR(EN("family", "his son plays rugby"), "How is your son doing?");
	CHECK_STR(FR("family", "son fils passe le bac"), "Comment va votre fils" NNBSP "?");
	CHECK_STR(EN("family", "her daughter's wedding in June"), "Any news on the wedding?");
	CHECK_STR(EN("family", "her daughter got married last month"), "How was the wedding?");
	CHECK_STR(FR("family", "se marie en juin"), "Du nouveau pour le mariage" NNBSP "?");
	CHECK_STR(FR("family", "s'est mariée le mois dernier"),
		  "Comment s'est passé le mariage" NNBSP "?");
	CHECK_STR(EN("family", "the twins turned two"), "How are the twins doing?");
	CHECK_STR(FR("family", "les jumelles entrent au CP"), "Comment vont les jumeaux" NNBSP "?");
	CHECK_STR(EN("family", "new baby in January"), "How is the baby doing?");
	CHECK_STR(FR("family", "new baby in January"), "Comment va le bébé" NNBSP "?");
	CHECK_STR(EN("family", "trois enfants"), "How are the kids?");
	CHECK_STR(FR("family", "the kids started school"), "Comment vont les enfants" NNBSP "?");
	CHECK_STR(EN("family", "sa petite-fille est née"), "How are the grandchildren doing?");
	/* French "son" is a possessive, not a son. */
	CHECK_STR(EN("family", "son chien s'appelle Rex"), "How is your dog doing?");
	CHECK_STR(EN("family", "son mari cuisine très bien"), "How is the family?");
	CHECK_STR(FR("family", "mother moved in with them"), "Comment va la famille" NNBSP "?");
}

static void
food(void)
{
	CHECK_STR(EN("food", "loves the tacos at El Farolito"), "Been back to El Farolito lately?");
	CHECK_STR(FR("food", "loves the tacos at El Farolito"),
		  "El Farolito, vous avez eu l'occasion d'y retourner" NNBSP "?");
	CHECK_STR(EN("food", "adore dîner chez Septime"), "Been back to Septime lately?");
	CHECK_STR(FR("food", "adore dîner chez Septime"),
		  "Septime, vous avez eu l'occasion d'y retourner" NNBSP "?");
	CHECK_STR(EN("food", "favourite: Chez Janou, Marseille"), "Been back to Chez Janou lately?");
	CHECK_STR(FR("food", "lunch at Le Comptoir du Relais"),
		  "Le Comptoir du Relais, vous avez eu l'occasion d'y retourner" NNBSP "?");
	CHECK_STR(EN("food", "loves Thai food"), "Tried any good restaurants lately?");
	CHECK_STR(FR("food", "loves Thai food"), "Vous avez découvert de bonnes adresses récemment" NNBSP "?");
	CHECK_STR(EN("food", "dinner at 8pm, never later"), "Tried any good restaurants lately?");
	CHECK_STR(EN("food", "big dinner at Christmas"), "Tried any good restaurants lately?");
}

static void
hobby(void)
{
	CHECK_STR(EN("hobby", "learning the guitar"), "How's the guitar going?");
	CHECK_STR(FR("hobby", "learning the guitar"), "Et la guitare, ça avance" NNBSP "?");
	CHECK_STR(EN("hobby", "joue aux échecs en club"), "How's the chess going?");
	CHECK_STR(FR("hobby", "joue aux échecs en club"), "Et les échecs, ça avance" NNBSP "?");
	CHECK_STR(EN("hobby", "takes piano lessons"), "How's the piano going?");
	CHECK_STR(EN("hobby", "peinture à l'huile"), "How's the painting going?");
	CHECK_STR(FR("hobby", "vegetable garden"), "Et le jardin, ça pousse" NNBSP "?");
	CHECK_STR(EN("hobby", "street photography"), "How's the photography going?");
	CHECK_STR(FR("hobby", "reads crime novels"), "Vous lisez quelque chose de bien en ce moment" NNBSP "?");
	CHECK_STR(EN("hobby", "collects stamps"), "Had time for your hobbies lately?");
	CHECK_STR(FR("hobby", "collects stamps"), "Vous avez eu du temps pour vos loisirs récemment" NNBSP "?");
}

static void
work(void)
{
	CHECK_STR(EN("work", "promoted to head of sales"), "How is the new role going?");
	CHECK_STR(FR("work", "promoted to head of sales"), "Comment se passe le nouveau poste" NNBSP "?");
	CHECK_STR(EN("work", "nouveau poste chez Airbus"), "How is the new role going?");
	CHECK_STR(EN("work", "speaking at a conference in Lyon"), "Any news on your talk in Lyon?");
	CHECK_STR(FR("work", "speaking at a conference in Lyon"),
		  "Du nouveau pour votre intervention à Lyon" NNBSP "?");
	CHECK_STR(EN("work", "went to a conference in Lyon"), "How was the conference in Lyon?");
	CHECK_STR(EN("work", "The Web Summit in Lisbon was great"), "How was the Web Summit in Lisbon?");
	CHECK_STR(FR("work", "went to the Web Summit in Lisbon"),
		  "Comment s'est passé le Web Summit à Lisbon" NNBSP "?");
	CHECK_STR(EN("work", "keynote at VivaTech in June"), "Any news on your talk at VivaTech?");
	CHECK_STR(FR("work", "est allée au salon de Francfort"),
		  "Comment s'est passé le salon de Francfort" NNBSP "?");
	CHECK_STR(EN("work", "busy with the reorg"), "How is the reorganisation going?");
	CHECK_STR(FR("work", "busy with the reorg"), "Comment se passe la réorganisation" NNBSP "?");
	CHECK_STR(EN("work", "hiring two engineers"), "How are things on your side at work?");
	CHECK_STR(FR("work", "hiring two engineers"),
		  "Comment ça se passe au travail de votre côté" NNBSP "?");
}

static void
other(void)
{
	CHECK_STR(EN("other", "built a treehouse last month."),
		  "Last time you mentioned \"built a treehouse last month\" — how did that go?");
	CHECK_STR(FR("other", "built a treehouse last month."),
		  "La dernière fois, vous avez mentionné «" NNBSP "built a treehouse last month" NNBSP
		  "»" NNBSP ": comment ça s'est passé" NNBSP "?");
	CHECK_STR(EN("other", "a construit une cabane"),
		  "Last time you mentioned \"a construit une cabane\" — any news?");
	/* Whole up to 60 characters; beyond, cut after a word that is not a
	** small one, with the "…". */
	CHECK_STR(EN("other", "renovating the old farmhouse near Angers with his brother"),
		  "Last time you mentioned \"renovating the old farmhouse near Angers with his "
		  "brother\" — any news?");
	CHECK_STR(EN("other", "renovating the old farmhouse near Angers with his brother and the "
			      "neighbours"),
		  "Last time you mentioned \"renovating the old farmhouse near Angers with his "
		  "brother…\" — any news?");
	CHECK_STR(FR("other", "elle adore la bibliothèque municipale et y passe tous ses samedis "
			      "après-midi"),
		  "La dernière fois, vous avez mentionné «" NNBSP "elle adore la bibliothèque "
		  "municipale et y passe…" NNBSP "»" NNBSP ": du nouveau de ce côté" NNBSP "?");
	/* The client's own words, said back: by the fact's language. */
	CHECK_STR(EN("other", "My landlord sold our building"),
		  "Last time you mentioned \"Your landlord sold your building\" — any news?");
	CHECK_STR(EN("other", "I'm renovating my flat"),
		  "Last time you mentioned \"You're renovating your flat\" — any news?");
	CHECK_STR(EN("other", "mon proprio vend notre immeuble"),
		  "Last time you mentioned \"votre proprio vend votre immeuble\" — any news?");
	CHECK_STR(FR("other", "my landlord is selling the building to the US fund"),
		  "La dernière fois, vous avez mentionné «" NNBSP "your landlord is selling the "
		  "building to the US fund" NNBSP "»" NNBSP ": du nouveau de ce côté" NNBSP "?");
	/* Unknown or missing kinds are read as other. */
	CHECK_STR(EN("pets", "bought a sailboat"),
		  "Last time you mentioned \"bought a sailboat\" — any news?");
	CHECK_STR(EN(NULL, "bought a sailboat"),
		  "Last time you mentioned \"bought a sailboat\" — any news?");
	CHECK_STR(EN("Travel", "trip to Bali"), "Any news on your trip to Bali?");
	/* An event is named, whatever the kind says. */
	CHECK_STR(EN("other", "moving house"), "Any news on your move?");
	CHECK_STR(EN("other", "adopted a cat"), "How is your cat doing?");
	CHECK_STR(EN("travel", "speaking at a summit in Oslo"), "Any news on your talk in Oslo?");
}

/* An "other" fact with nothing to quote gives no opener: the library fills. */
static void
other_without_words(void)
{
	opener_fact f[] = { { 1, "other", "  ...  ", learned, NULL, { 0, 0, 0 }, false }, { 2, "other", NULL, learned, NULL, { 0, 0, 0 }, false } };
	size_t n = opener_generate(f, 2, NULL, 0, RP_LANG_EN, out, 3);

	CHECK_INT(n, 3);
	CHECK_STR(out[0].key, "lib:0");
	CHECK_STR(out[1].key, "lib:1");
	CHECK_STR(out[2].key, "lib:2");
}

static void
absurd_long_fact(void)
{
	static char text[6000];
	opener_fact f = { 3, "travel", text, learned, NULL, { 0, 0, 0 }, false };
	const size_t at = strlen("Any news on your trip to ");
	size_t n;

	/* One 2000-letter word after "to": 40 characters kept, two bytes each. */
	strcpy(text, "trip to ");
	for (int i = 0; i < 2000; i++)
		strcat(text, "É");
	n = opener_generate(&f, 1, NULL, 0, RP_LANG_EN, out, 1);
	CHECK_INT(n, 1);
	CHECK_INT(strlen(out[0].text), strlen("Any news on your trip to ?") + 80);
	CHECK(strncmp(out[0].text + at, "ÉÉÉÉ", 8) == 0);
	CHECK_STR(out[0].text + at + 80, "?");
	check_shape(&out[0], RP_LANG_EN);

	/* Many names in a row: whole ones while they fit in 40. */
	CHECK_STR(EN("travel", "tour to Amsterdam Rotterdam Utrecht Eindhoven Groningen Maastricht"),
		  "Any news on your trip to Amsterdam Rotterdam Utrecht Eindhoven?");

	/* 5000 letters without a blank: no word to cut at, so no quote (and
	** no question cut mid-word); the library fills. */
	memset(text, 'x', 5000);
	text[5000] = '\0';
	f.kind = "other";
	n = opener_generate(&f, 1, NULL, 0, RP_LANG_FR, out, 1);
	CHECK_INT(n, 1);
	CHECK_INT(out[0].fact_id, 0);
	CHECK_STR(out[0].key, "lib:0");

	/* A run of Japanese has no blanks: it is cut at a character. */
	text[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(text, "東京出張");
	n = opener_generate(&f, 1, NULL, 0, RP_LANG_EN, out, 1);
	CHECK_INT(n, 1);
	CHECK_INT(out[0].fact_id, 3);
	CHECK_INT(text_length(out[0].text),
		  text_length("Last time you mentioned \"\" — any news?") + 60);
	CHECK(strstr(out[0].text, "東京出…\" — any news?") != NULL);
	check_shape(&out[0], RP_LANG_EN);

	/* Every kind, fed a long text, still fits. */
	for (int i = 0; i < 5000; i++)
		text[i] = i % 7 == 6 ? ' ' : (char)('A' + i % 26);
	text[5000] = '\0';
	static const char *const kinds[] = { "travel", "sport", "family", "food", "hobby", "work",
					     "other" };
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		f.kind = kinds[k];
		CHECK_INT(opener_generate(&f, 1, NULL, 0, RP_LANG_EN, out, 1), 1);
		check_shape(&out[0], RP_LANG_EN);
		CHECK_INT(opener_generate(&f, 1, NULL, 0, RP_LANG_FR, out, 1), 1);
		check_shape(&out[0], RP_LANG_FR);
	}
}

static void
escape_sequences(void)
{
	/* The escape breaks the name off the preposition: no place, rather
	** than a place that is half an escape sequence. */
	CHECK_STR(EN("travel", "trip to \x1b[31mBali\x1b[0m"), "Any news on your trip?");
	/* A line break is a blank. */
	CHECK_STR(EN("travel", "trip to\nBali"), "Any news on your trip to Bali?");
	CHECK_STR(EN("other", "note \x1b]0;pwned\x07 here"),
		  "Last time you mentioned \"note \xEF\xBF\xBD]0;pwned\xEF\xBF\xBD here\" — any news?");
	/* A stray C1 byte ends the name where it stood. */
	CHECK_STR(EN("food", "dinner at Sep\x9btime"), "Been back to Sep lately?");
	CHECK_STR(EN("other", "bidi \xE2\x80\xAE trick"),
		  "Last time you mentioned \"bidi \xEF\xBF\xBD trick\" — any news?");
	check_shape(&out[0], RP_LANG_EN);
}

/* ---- Ranking ------------------------------------------------------------ */

static void
zero_facts_library_only(void)
{
	size_t n = opener_generate(NULL, 0, NULL, 0, RP_LANG_EN, out, 4);

	CHECK_INT(n, 4);
	CHECK_STR(out[0].key, "lib:0");
	CHECK_STR(out[0].text, "How has your week been so far?");
	CHECK_STR(out[1].key, "lib:1");
	CHECK_STR(out[1].text, "Any plans for the weekend?");
	CHECK_STR(out[3].key, "lib:3");
	CHECK_INT(out[0].fact_id, 0);
	CHECK(same_date(out[0].last_used, never));

	n = opener_generate(NULL, 0, NULL, 0, RP_LANG_FR, out, 2);
	CHECK_INT(n, 2);
	CHECK_STR(out[0].key, "lib:0");
	CHECK_STR(out[0].text, "Comment se passe votre semaine" NNBSP "?");
	CHECK_STR(out[1].text, "Des projets pour le week-end" NNBSP "?");
}

/* All of the library, both languages, through the rotation. */
static void
library_reads_well(void)
{
	opener_use uses[OPENERS_MAX];
	size_t n, seen = 0;

	for (int lang = RP_LANG_EN; lang <= RP_LANG_FR; lang++) {
		n = opener_generate(NULL, 0, NULL, 0, (enum rp_lang)lang, out, OPENERS_MAX);
		CHECK_INT(n, OPENERS_MAX);
		for (size_t i = 0; i < n; i++)
			check_shape(&out[i], (enum rp_lang)lang);
	}
	/* Used once, the first eight go behind the rest. */
	static char keys[OPENERS_MAX][OPENER_KEY_MAX];
	for (size_t i = 0; i < OPENERS_MAX; i++) {
		snprintf(keys[i], sizeof keys[i], "lib:%zu", i);
		uses[i].key = keys[i];
		uses[i].used_on = (rp_date){ 2026, 1, (int)i + 1 };
	}
	for (int lang = RP_LANG_EN; lang <= RP_LANG_FR; lang++) {
		n = opener_generate(NULL, 0, uses, OPENERS_MAX, (enum rp_lang)lang, out,
				    OPENERS_MAX);
		CHECK_INT(n, OPENERS_MAX);
		CHECK_STR(out[0].key, "lib:8");
		CHECK_STR(out[1].key, "lib:9");
		CHECK_STR(out[2].key, "lib:10");
		CHECK_STR(out[3].key, "lib:11");
		CHECK_STR(out[4].key, "lib:0");  /* the oldest use */
		CHECK_STR(out[7].key, "lib:3");
		CHECK(same_date(out[4].last_used, (rp_date){ 2026, 1, 1 }));
		for (size_t i = 0; i < n; i++)
			check_shape(&out[i], (enum rp_lang)lang);
		seen += n;
	}
	CHECK_INT(seen, 2 * OPENERS_MAX);
}

static void
newest_fact_first(void)
{
	opener_fact f[] = {
		{ 1, "sport", "plays tennis", { 2025, 6, 1 }, NULL, { 0, 0, 0 }, false },
		{ 2, "travel", "trip to Bali", { 2026, 2, 20 }, NULL, { 0, 0, 0 }, false },
		{ 3, "hobby", "guitar", { 2025, 12, 1 }, NULL, { 0, 0, 0 }, false },
		{ 4, "food", "sushi at Kinugawa", { 2026, 2, 20 }, NULL, { 0, 0, 0 }, false },  /* same day, later id */
	};
	size_t n = opener_generate(f, 4, NULL, 0, RP_LANG_EN, out, 6);

	CHECK_INT(n, 6);
	CHECK_STR(out[0].key, "fact:4");
	CHECK_STR(out[0].text, "Been back to Kinugawa lately?");
	CHECK_INT(out[0].fact_id, 4);
	CHECK_STR(out[1].key, "fact:2");
	CHECK_STR(out[2].key, "fact:3");
	CHECK_STR(out[3].key, "fact:1");
	CHECK_STR(out[4].key, "lib:0");
	CHECK_STR(out[5].key, "lib:1");
	CHECK_INT(out[4].fact_id, 0);
}

static void
fill_with_library(void)
{
	opener_fact f = { 9, "family", "two kids", learned, NULL, { 0, 0, 0 }, false };
	size_t n = opener_generate(&f, 1, NULL, 0, RP_LANG_FR, out, 5);

	CHECK_INT(n, 5);
	CHECK_STR(out[0].key, "fact:9");
	CHECK_STR(out[0].text, "Comment vont les enfants" NNBSP "?");
	CHECK_STR(out[1].key, "lib:0");
	CHECK_STR(out[4].key, "lib:3");
}

static void
max_respected(void)
{
	opener_fact f[6];
	static const char *const texts[] = { "trip to Bali", "trip to Rome", "trip to Oslo",
					     "trip to Lima", "trip to Cork", "trip to Fès" };

	for (int i = 0; i < 6; i++)
		f[i] = (opener_fact){ i + 1, "travel", texts[i], { 2026, 1, i + 1 }, NULL, { 0, 0, 0 }, false };
	/* At most four from facts, the newest. */
	CHECK_INT(opener_generate(f, 6, NULL, 0, RP_LANG_EN, out, OPENERS_MAX), OPENERS_MAX);
	CHECK_STR(out[0].key, "fact:6");
	CHECK_STR(out[0].text, "Any news on your trip to Fès?");
	CHECK_STR(out[3].key, "fact:3");
	CHECK_STR(out[4].key, "lib:0");
	CHECK_STR(out[7].key, "lib:3");
	CHECK_INT(opener_generate(f, 6, NULL, 0, RP_LANG_EN, out, 3), 3);
	CHECK_STR(out[2].key, "fact:4");
	CHECK_INT(opener_generate(f, 6, NULL, 0, RP_LANG_EN, out, 1), 1);
	CHECK_STR(out[0].key, "fact:6");
	CHECK_INT(opener_generate(f, 6, NULL, 0, RP_LANG_EN, out, 0), 0);
	CHECK_INT(opener_generate(f, 6, NULL, 0, RP_LANG_EN, NULL, 4), 0);
	/* More than OPENERS_MAX asked: OPENERS_MAX given. */
	CHECK_INT(opener_generate(f, 6, NULL, 0, RP_LANG_EN, out, OPENERS_MAX + 4), OPENERS_MAX);
	CHECK_INT(opener_generate(NULL, 0, NULL, 0, RP_LANG_EN, out, 100), OPENERS_MAX);
}

/* Two facts asking the same thing give one opener. */
static void
same_question_once(void)
{
	opener_fact f[] = {
		{ 1, "sport", "sporty", { 2026, 1, 1 }, NULL, { 0, 0, 0 }, false },
		{ 2, "sport", "very active", { 2026, 1, 2 }, NULL, { 0, 0, 0 }, false },
	};
	size_t n = opener_generate(f, 2, NULL, 0, RP_LANG_EN, out, 3);

	CHECK_INT(n, 3);
	CHECK_STR(out[0].key, "fact:2");
	CHECK_STR(out[1].key, "lib:0");
}

static void
used_last_time_not_first(void)
{
	opener_fact f = { 5, "travel", "trip to Bali", learned, NULL, { 0, 0, 0 }, false };
	opener_use u[] = {
		{ "fact:5", { 2026, 2, 10 } },
		{ "fact:5", last_meeting },
		{ "lib:0", { 2026, 2, 10 } },
	};
	size_t n = opener_generate(&f, 1, u, 3, RP_LANG_EN, out, 4);

	CHECK_INT(n, 4);
	CHECK_STR(out[0].key, "lib:1");
	CHECK_STR(out[1].key, "lib:2");
	CHECK_STR(out[2].key, "lib:3");  /* lib:0, used in February, waits behind the unused */
	CHECK(same_date(out[2].last_used, never));
	CHECK_STR(out[3].key, "fact:5");
	CHECK(same_date(out[3].last_used, last_meeting));  /* the latest of its two uses */
	CHECK(same_date(out[0].last_used, never));
}

/* When facts fill the list and were all asked last time, a library
** question still leads. */
static void
used_last_time_not_first_when_full(void)
{
	opener_fact f[] = {
		{ 1, "hobby", "guitar", learned, NULL, { 0, 0, 0 }, false },
		{ 2, "work", "promoted", learned, NULL, { 0, 0, 0 }, false },
	};
	opener_use u[] = { { "fact:1", last_meeting }, { "fact:2", last_meeting } };
	size_t n = opener_generate(f, 2, u, 2, RP_LANG_EN, out, 1);

	CHECK_INT(n, 1);
	CHECK_STR(out[0].key, "lib:0");
	n = opener_generate(f, 2, u, 2, RP_LANG_EN, out, 2);
	CHECK_INT(n, 2);
	CHECK_STR(out[0].key, "lib:0");
	CHECK_STR(out[1].key, "fact:2");
}

static void
never_used_before_used(void)
{
	opener_fact f[] = {
		{ 1, "hobby", "guitar", { 2026, 1, 5 }, NULL, { 0, 0, 0 }, false },
		{ 2, "sport", "tennis", { 2026, 2, 5 }, NULL, { 0, 0, 0 }, false },
	};
	/* The newest fact was asked in February; lib:0 at the last meeting. */
	opener_use u[] = { { "fact:2", { 2026, 2, 12 } }, { "lib:0", last_meeting } };
	size_t n = opener_generate(f, 2, u, 2, RP_LANG_EN, out, 4);

	CHECK_INT(n, 4);
	CHECK_STR(out[0].key, "fact:1");
	CHECK_STR(out[1].key, "fact:2");
	CHECK(same_date(out[1].last_used, (rp_date){ 2026, 2, 12 }));
	CHECK_STR(out[2].key, "lib:1");
	CHECK_STR(out[3].key, "lib:2");
}

static void
oldest_use_first(void)
{
	opener_fact f[] = {
		{ 1, "hobby", "guitar", { 2026, 1, 3 }, NULL, { 0, 0, 0 }, false },
		{ 2, "sport", "tennis", { 2026, 1, 2 }, NULL, { 0, 0, 0 }, false },
		{ 3, "family", "kids", { 2026, 1, 1 }, NULL, { 0, 0, 0 }, false },
	};
	/* The last meeting used a fact since deleted: it still sets the date. */
	opener_use u[] = {
		{ "fact:1", { 2026, 2, 20 } },
		{ "fact:2", { 2026, 1, 5 } },
		{ "fact:3", { 2026, 2, 10 } },
		{ "fact:99", last_meeting },
		{ NULL, { 2026, 12, 1 } },        /* no key: ignored */
		{ "fact:1", { 2026, 2, 30 } },    /* no such day: ignored */
	};
	size_t n = opener_generate(f, 3, u, 6, RP_LANG_EN, out, 3);

	CHECK_INT(n, 3);
	CHECK_STR(out[0].key, "fact:2");
	CHECK_STR(out[1].key, "fact:3");
	CHECK_STR(out[2].key, "fact:1");
	CHECK(same_date(out[2].last_used, (rp_date){ 2026, 2, 20 }));
}

/* A fact asked at the last meeting goes after the library's fresh ones, not
** only after the other facts. */
static void
fact_used_last_time_after_library(void)
{
	opener_fact f[] = {
		{ 1, "hobby", "guitar", { 2026, 1, 1 }, NULL, { 0, 0, 0 }, false },
		{ 2, "sport", "tennis", { 2026, 2, 1 }, NULL, { 0, 0, 0 }, false },
	};
	opener_use u[] = { { "fact:2", last_meeting } };
	size_t n = opener_generate(f, 2, u, 1, RP_LANG_EN, out, 4);

	CHECK_INT(n, 4);
	CHECK_STR(out[0].key, "fact:1");
	CHECK_STR(out[1].key, "lib:0");
	CHECK_STR(out[2].key, "lib:1");
	CHECK_STR(out[3].key, "fact:2");
}

static void
library_rotates(void)
{
	opener_use u[] = { { "lib:0", { 2026, 2, 25 } }, { "lib:1", last_meeting } };
	size_t n = opener_generate(NULL, 0, u, 2, RP_LANG_EN, out, 3);

	CHECK_INT(n, 3);
	CHECK_STR(out[0].key, "lib:2");
	CHECK_STR(out[1].key, "lib:3");
	CHECK_STR(out[2].key, "lib:4");
}

/* Everything asked last time: nothing better to offer, the order holds. */
static void
all_used_last_time(void)
{
	opener_use u[12];
	static char keys[12][OPENER_KEY_MAX];
	size_t n;

	for (int i = 0; i < 12; i++) {
		snprintf(keys[i], sizeof keys[i], "lib:%d", i);
		u[i] = (opener_use){ keys[i], last_meeting };
	}
	n = opener_generate(NULL, 0, u, 12, RP_LANG_EN, out, 2);
	CHECK_INT(n, 2);
	CHECK_STR(out[0].key, "lib:0");
	CHECK_STR(out[1].key, "lib:1");
	CHECK(same_date(out[0].last_used, last_meeting));
}

static void
language_from_the_locale(void)
{
	CHECK_INT(lang_for_locale("fr_FR.UTF-8"), RP_LANG_FR);
	CHECK_INT(lang_for_locale("fr_CA"), RP_LANG_FR);
	CHECK_INT(lang_for_locale("en_GB.UTF-8"), RP_LANG_EN);
	CHECK_INT(lang_for_locale("C.UTF-8"), RP_LANG_EN);
	CHECK_INT(lang_for_locale(""), RP_LANG_EN);
	CHECK_INT(lang_for_locale(NULL), RP_LANG_EN);
}

/* ---- Stale facts, facts ahead, facts about a person --------------------- */

static const rp_date nov = { 2026, 11, 10 };  /* the day these facts were noted */

/* The first opener for one fact noted on nov, as of today, or "(none)". */
static const char *
on(const char *kind, const char *text, const char *who, rp_date today, enum rp_lang lang)
{
	opener_fact f = { .id = 7, .kind = kind, .text = text, .learned_on = nov, .person = who };
	size_t n = opener_generate_on(&f, 1, NULL, 0, lang, today, out, 1);

	return n == 1 && out[0].fact_id == 7 ? out[0].text : "(none)";
}

static int
tense(const char *text, rp_date today)
{
	return (int)opener_fact_tense(text, nov, today);
}

static void
tense_relative_words(void)
{
	rp_date next_day = { 2026, 11, 11 }, in_a_month = { 2026, 12, 10 };

	CHECK_INT(tense("flying to Bali tomorrow", nov), OPENER_AHEAD);
	CHECK_INT(tense("part à Bali demain", next_day), OPENER_AHEAD);
	CHECK_INT(tense("flying to Bali tomorrow", in_a_month), OPENER_PAST);
	/* Tuesday 10 November: next week ends Sunday 22. */
	CHECK_INT(tense("offsite next week", (rp_date){ 2026, 11, 22 }), OPENER_AHEAD);
	CHECK_INT(tense("offsite next week", (rp_date){ 2026, 11, 23 }), OPENER_PAST);
	CHECK_INT(tense("séminaire la semaine prochaine", (rp_date){ 2026, 11, 20 }),
		  OPENER_AHEAD);
	CHECK_INT(tense("moving offices next month", (rp_date){ 2026, 12, 31 }), OPENER_AHEAD);
	CHECK_INT(tense("moving offices next month", (rp_date){ 2027, 1, 1 }), OPENER_PAST);
	CHECK_INT(tense("déménage le mois prochain", in_a_month), OPENER_AHEAD);
	CHECK_INT(tense("going to Japan soon", in_a_month), OPENER_AHEAD);
	CHECK_INT(tense("part au Japon bientôt", in_a_month), OPENER_AHEAD);
	/* A plan without a date, a month on: it may not have happened. */
	CHECK_INT(tense("part au Japon bientôt", (rp_date){ 2027, 1, 15 }), OPENER_UNDATED);
	CHECK_INT(tense("wedding in 3 weeks", (rp_date){ 2026, 12, 1 }), OPENER_AHEAD);
	CHECK_INT(tense("mariage dans 2 mois", (rp_date){ 2027, 1, 20 }), OPENER_AHEAD);
	CHECK_INT(tense("mariage dans 2 mois", (rp_date){ 2027, 2, 1 }), OPENER_PAST);
	CHECK_INT(tense("back from Bali", nov), OPENER_PAST);
	CHECK_INT(tense("trip to Bali", nov), OPENER_UNDATED);
	CHECK_INT(tense("voyage à Bali", nov), OPENER_UNDATED);
	CHECK_INT(tense("offsite this week", (rp_date){ 2026, 11, 15 }), OPENER_AHEAD);
	CHECK_INT(tense("offsite this week", (rp_date){ 2026, 11, 16 }), OPENER_PAST);
	CHECK_INT(tense("launch later this year", (rp_date){ 2026, 12, 31 }), OPENER_AHEAD);
	CHECK_INT(tense("launch later this year", (rp_date){ 2027, 1, 1 }), OPENER_PAST);
	CHECK_INT(tense("ski trip in two weeks", (rp_date){ 2026, 12, 1 }), OPENER_AHEAD);
	CHECK_INT(tense("séminaire dans trois semaines", (rp_date){ 2026, 12, 5 }), OPENER_AHEAD);
	CHECK_INT(tense("SÉMINAIRE LA SEMAINE PROCHAINE", (rp_date){ 2026, 11, 20 }), OPENER_AHEAD);
	/* Tuesday 10 November: "on Friday" is the 13th. */
	CHECK_INT(tense("dinner at Septime on Friday", (rp_date){ 2026, 11, 13 }), OPENER_AHEAD);
	CHECK_INT(tense("dinner at Septime on Friday", (rp_date){ 2026, 11, 14 }), OPENER_PAST);
	CHECK_INT(tense("dîner chez Septime vendredi prochain", (rp_date){ 2026, 11, 20 }),
		  OPENER_AHEAD);
	/* A habit is no date. */
	CHECK_INT(tense("tennis on Fridays", nov), OPENER_UNDATED);
	CHECK_INT(tense("padel le jeudi", nov), OPENER_UNDATED);
	/* Unknown today: never ahead, as opener_generate() reads it. */
	CHECK_INT(tense("flying to Bali tomorrow", never), OPENER_UNDATED);
	CHECK_INT(tense("back from Bali", never), OPENER_PAST);
}

static void
tense_month_names(void)
{
	/* Noted in November: January is the next one. */
	CHECK_INT(tense("moving offices in January", (rp_date){ 2026, 12, 20 }), OPENER_AHEAD);
	CHECK_INT(tense("moving offices in January", (rp_date){ 2027, 1, 31 }), OPENER_AHEAD);
	CHECK_INT(tense("moving offices in January", (rp_date){ 2027, 2, 1 }), OPENER_PAST);
	CHECK_INT(tense("déménagement en janvier", (rp_date){ 2026, 12, 1 }), OPENER_AHEAD);
	CHECK_INT(tense("ski trip early March", (rp_date){ 2027, 2, 1 }), OPENER_AHEAD);
	CHECK_INT(tense("marathon on 12 April", (rp_date){ 2027, 4, 1 }), OPENER_AHEAD);
	CHECK_INT(tense("big launch in November", (rp_date){ 2026, 11, 30 }), OPENER_AHEAD);
	CHECK_INT(tense("big launch in November", (rp_date){ 2026, 12, 1 }), OPENER_PAST);
	/* Seasons and Christmas, their next turn. */
	CHECK_INT(tense("part en Crète cet été", (rp_date){ 2027, 8, 31 }), OPENER_AHEAD);
	CHECK_INT(tense("part en Crète cet été", (rp_date){ 2027, 9, 1 }), OPENER_PAST);
	CHECK_INT(tense("trip to Lisbon for Christmas", (rp_date){ 2026, 12, 31 }), OPENER_AHEAD);
	CHECK_INT(tense("vacances au printemps", (rp_date){ 2027, 5, 31 }), OPENER_AHEAD);
	/* "since June" is past; so are months after words of the past. */
	CHECK_INT(tense("lives with us since June", nov), OPENER_UNDATED);
	CHECK_INT(tense("un chiot depuis l'été", nov), OPENER_UNDATED);
	/* In the past, or no when at all. */
	CHECK_INT(tense("back from Bali in October", nov), OPENER_PAST);
	CHECK_INT(tense("went to Lisbon in August", nov), OPENER_PAST);
	CHECK_INT(tense("rentré du Japon en octobre", nov), OPENER_PAST);
	CHECK_INT(tense("may move to Lyon", nov), OPENER_UNDATED);
	CHECK_INT(tense("a couru le marathon de Paris", nov), OPENER_PAST);
	CHECK_INT(tense("s'est mariée à Lyon", nov), OPENER_PAST);
	/* "prévu" is planned, not done. */
	CHECK_INT(tense("mariage prévu à Lyon", nov), OPENER_AHEAD);
	CHECK_INT(tense("moved house", nov), OPENER_PAST);
	CHECK_INT(tense("flew to Bali with the kids", nov), OPENER_PAST);
	CHECK_STR(on("travel", "flew to Bali with the kids", NULL, nov, RP_LANG_EN),
		  "How was your trip to Bali?");
}

static void
tense_did_not_happen(void)
{
	CHECK_INT(tense("trip to Bali cancelled", nov), OPENER_OFF);
	CHECK_INT(tense("the Bali trip was called off", nov), OPENER_OFF);
	CHECK_INT(tense("voyage à Bali annulé", nov), OPENER_OFF);
	CHECK_INT(tense("mariage reporté", nov), OPENER_OFF);
	CHECK_INT(tense("le voyage est tombé à l'eau", nov), OPENER_OFF);
	CHECK_INT(tense("le séminaire n'a pas eu lieu", nov), OPENER_OFF);
	CHECK_INT(tense("VOYAGE ANNULÉ", nov), OPENER_OFF);
	CHECK_INT(tense("trip to Bali cancelled", never), OPENER_OFF);
	/* Put off to a new date: ahead of that date, then past. */
	CHECK_INT(tense("marathon postponed to next year", nov), OPENER_AHEAD);
	CHECK_INT(tense("trip postponed to March", (rp_date){ 2027, 3, 31 }), OPENER_AHEAD);
	CHECK_INT(tense("trip postponed to March", (rp_date){ 2027, 4, 1 }), OPENER_PAST);
	CHECK_INT(tense("voyage repoussé à la semaine prochaine", (rp_date){ 2026, 11, 22 }),
		  OPENER_AHEAD);
	/* The old date does not count: "next week" is what was put off. */
	CHECK_INT(tense("offsite next week postponed", nov), OPENER_OFF);
	/* Never "how did it go" about what did not happen: a trip is asked
	** for a new date, for a while; a wedding, a race, a quote never. */
	CHECK_STR(on("travel", "trip to Bali cancelled", NULL, nov, RP_LANG_EN),
		  "Is there a new date for your trip to Bali?");
	CHECK_STR(on("travel", "voyage à Bali annulé", NULL, nov, RP_LANG_FR),
		  "Une nouvelle date est-elle prévue pour votre voyage à Bali" NNBSP "?");
	CHECK_STR(on("work", "conference in Berlin postponed", NULL, nov, RP_LANG_EN),
		  "Is there a new date for the conference in Berlin?");
	CHECK_STR(on("travel", "trip to Bali cancelled", NULL, (rp_date){ 2027, 1, 10 },
		     RP_LANG_EN), "(none)");
	CHECK_STR(on("family", "the wedding is off, cancelled", NULL, nov, RP_LANG_EN), "(none)");
	CHECK_STR(on("family", "le mariage est annulé", NULL, nov, RP_LANG_FR), "(none)");
	CHECK_STR(on("sport", "Paris marathon cancelled", NULL, nov, RP_LANG_EN), "(none)");
	CHECK_STR(on("other", "the barbecue fell through", NULL, nov, RP_LANG_EN), "(none)");
}

static void
ahead_asks_forward(void)
{
	rp_date dec = { 2026, 12, 1 };

	CHECK_STR(on("travel", "trip to Bali next month", NULL, dec, RP_LANG_EN),
		  "How are the preparations for your trip to Bali going?");
	CHECK_STR(on("travel", "holiday in the Maldives in January", NULL, dec, RP_LANG_EN),
		  "How are the preparations for your holiday in the Maldives going?");
	CHECK_STR(on("travel", "part à Bali le mois prochain", NULL, dec, RP_LANG_FR),
		  "Où en sont les préparatifs de votre voyage à Bali" NNBSP "?");
	CHECK_STR(on("travel", "vacances bientôt", NULL, dec, RP_LANG_FR),
		  "Où en sont les préparatifs de vos vacances" NNBSP "?");
	CHECK_STR(on("other", "moving offices in January", NULL, dec, RP_LANG_EN),
		  "How are the preparations for the office move going?");
	CHECK_STR(on("other", "déménagement en janvier", NULL, dec, RP_LANG_FR),
		  "Où en sont les préparatifs de votre déménagement" NNBSP "?");
	CHECK_STR(on("family", "wedding in June", NULL, dec, RP_LANG_FR),
		  "Où en sont les préparatifs du mariage" NNBSP "?");
	CHECK_STR(on("work", "keynote at the summit in Oslo next month", NULL, dec, RP_LANG_EN),
		  "How is your talk in Oslo coming along?");
	CHECK_STR(on("work", "starts a new job in January", NULL, dec, RP_LANG_EN),
		  "Looking forward to the new role?");
	CHECK_STR(on("family", "expecting a baby in March", NULL, dec, RP_LANG_EN),
		  "How are the preparations for the baby's arrival going?");
	CHECK_STR(on("other", "the plant closes in March", NULL, dec, RP_LANG_EN),
		  "Last time you mentioned \"the plant closes in March\" — how are things shaping"
		  " up?");
	CHECK_STR(on("other", "l'usine ferme en mars", NULL, dec, RP_LANG_FR),
		  "La dernière fois, vous avez mentionné «" NNBSP "l'usine ferme en mars" NNBSP "»"
		  NNBSP ": comment ça se présente" NNBSP "?");
	/* The same facts once their time is over. */
	CHECK_STR(on("travel", "trip to Bali next month", NULL, (rp_date){ 2027, 1, 5 },
		     RP_LANG_EN), "How was your trip to Bali?");
	CHECK_STR(on("other", "moving offices in January", NULL, (rp_date){ 2027, 2, 2 },
		     RP_LANG_EN), "How did the office move go?");
	CHECK_STR(on("family", "wedding in June", NULL, (rp_date){ 2027, 7, 1 }, RP_LANG_FR),
		  "Comment s'est passé le mariage" NNBSP "?");
	CHECK_STR(on("other", "the plant closes in March", NULL, (rp_date){ 2027, 4, 1 },
		     RP_LANG_EN),
		  "Last time you mentioned \"the plant closes in March\" — how did that go?");
}

static void
stale_facts_are_no_openers(void)
{
	opener_fact f[] = {
		{ .id = 1, .kind = "travel", .text = "trip to Bali", .learned_on = nov,
		  .done = true },
		{ .id = 2, .kind = "other", .text = "moving offices", .learned_on = nov,
		  .until = { 2027, 1, 31 } },
	};
	size_t n;

	n = opener_generate_on(f, 2, NULL, 0, RP_LANG_EN, (rp_date){ 2027, 1, 31 }, out, 3);
	CHECK_INT(n, 3);
	CHECK_INT(out[0].fact_id, 2);  /* the done one is gone, the other still on */
	CHECK_INT(out[1].fact_id, 0);
	n = opener_generate_on(f, 2, NULL, 0, RP_LANG_EN, (rp_date){ 2027, 2, 1 }, out, 3);
	CHECK_INT(n, 3);
	CHECK_INT(out[0].fact_id, 0);  /* past its until: library only */
	CHECK(opener_fact_stale(&f[0], never));
	CHECK(!opener_fact_stale(&f[1], never));
	CHECK(opener_fact_stale(&f[1], (rp_date){ 2027, 2, 1 }));
	CHECK(!opener_fact_stale(&f[1], (rp_date){ 2027, 1, 31 }));
}

static void
person_is_named(void)
{
	rp_date dec = { 2026, 12, 1 };

	CHECK_STR(on("travel", "Zoë: back from a holiday in Bali", "Zoë", dec, RP_LANG_EN),
		  "Zoë, how was Bali?");
	CHECK_STR(on("travel", "Zoë: back from a holiday in Bali", "Zoë", dec, RP_LANG_FR),
		  "Zoë, comment se sont passées vos vacances à Bali" NNBSP "?");
	CHECK_STR(on("travel", "back from a trip to Bali", "Zoë Lefèvre", dec, RP_LANG_EN),
		  "Zoë, how was your trip to Bali?");  /* by first name */
	CHECK_STR(on("travel", "Zoë: trip to Bali next month", "Zoë", dec, RP_LANG_EN),
		  "Zoë, how are the preparations for your trip to Bali going?");
	CHECK_STR(on("other", "Marc: moving house", "Marc", dec, RP_LANG_EN),
		  "Marc, any news on your move?");
	CHECK_STR(on("other", "Marc: built a treehouse", "Marc", dec, RP_LANG_EN),
		  "Marc, last time you mentioned \"built a treehouse\" — any news?");
	/* The question begins with a name from the fact: its case is kept. */
	CHECK_STR(on("food", "Marc: dinner at Le Comptoir", "Marc", dec, RP_LANG_FR),
		  "Marc, Le Comptoir, vous avez eu l'occasion d'y retourner" NNBSP "?");
	CHECK_STR(on("food", "Marc: dinner at Le Comptoir", "Marc", dec, RP_LANG_EN),
		  "Marc, been back to Le Comptoir lately?");
	/* A name that would drive the terminal is neutralised. */
	CHECK(strchr(on("travel", "trip to Bali", "Zo\x1b[2Jë", dec, RP_LANG_EN), '\x1b') == NULL);
	/* Without a person, the lead stays part of the fact. */
	CHECK_STR(on("other", "Note: built a treehouse", NULL, dec, RP_LANG_EN),
		  "Last time you mentioned \"Note: built a treehouse\" — any news?");
}

/* Facts made of random words (keywords of every kind and tense, names,
** Japanese, emoji, control bytes), random days: every opener is one safe
** question, and only what is surely past is asked how it went (not what
** is ahead, undated, or did not happen). */
static void
random_facts_keep_their_tense(void)
{
	static const char *const words[] = {
		"trip", "to", "Bali", "in", "January", "next", "week", "month", "cancelled",
		"annulé", "postponed", "reporté", "à", "Chamonix", "en", "mars", "back", "from",
		"wedding", "mariage", "baby", "moving", "déménage", "conference", "salon",
		"speaking", "at", "Septime", "dinner", "chez", "marathon", "de", "Paris",
		"tennis", "my", "mon", "notre", "I'm", "we", "la", "le", "soon", "bientôt",
		"tomorrow", "demain", "cet", "été", "this", "summer", "Christmas", "Noël",
		"on", "Friday", "vendredi", "prochain", "la semaine prochaine", "東京", "🎉",
		"\x1b[2J", "\xe2\x80\xae", ",", ".", ":", "—", "the", "Maldives", "aux",
		"États-Unis", "birthday", "anniversaire", "hospital", "twins", "jumeaux",
		"promoted", "nouveau poste", "vacances", "holiday", "ski", "went", "was",
		"a couru", "s'est marié", "rebooked", "for", "April", "dans", "3", "semaines",
		"in 2 weeks", "later this year", "fell through", "tombé à l'eau", "xxxxxxxxxxxx",
	};
	const size_t nwords = sizeof words / sizeof words[0];
	static const char *const kinds[] = { "travel", "sport", "family", "food", "hobby",
					     "work", "other", NULL, "pets" };
	static const char *const past_asks[] = { "How was", "how was", "How did", "how did",
						 "s'est passé", "se sont passé", "ça vous a plu" };
	uint32_t seed = 12345;
	char text[600];

	for (int round = 0; round < 3000; round++) {
		opener_fact f = { .id = 1 };
		rp_date today;
		enum opener_tense tense;
		size_t n, len = 0;
		int nw;

		seed = seed * 1103515245u + 12345u;
		nw = 1 + (int)(seed >> 16) % 14;
		text[0] = '\0';
		for (int w = 0; w < nw; w++) {
			const char *word;

			seed = seed * 1103515245u + 12345u;
			word = words[(seed >> 16) % nwords];
			if (len + strlen(word) + 2 >= sizeof text)
				break;
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", w ? " " : "",
						word);
		}
		seed = seed * 1103515245u + 12345u;
		f.kind = kinds[(seed >> 16) % (sizeof kinds / sizeof kinds[0])];
		f.text = text;
		f.learned_on = date_add_days((rp_date){ 2026, 1, 1 }, (seed >> 8) % 700);
		seed = seed * 1103515245u + 12345u;
		today = date_add_days(f.learned_on, (seed >> 8) % 400);
		tense = opener_fact_tense(text, f.learned_on, today);
		for (int lang = RP_LANG_EN; lang <= RP_LANG_FR; lang++) {
			n = opener_generate_on(&f, 1, NULL, 0, (enum rp_lang)lang, today, out, 1);
			CHECK_INT(n, 1);
			check_shape(&out[0], (enum rp_lang)lang);
			if (out[0].fact_id != 1 || tense == OPENER_PAST)
				continue;
			for (size_t k = 0; k < sizeof past_asks / sizeof past_asks[0]; k++)
				if (strstr(out[0].text, past_asks[k]) != NULL)
					tap_fail(__FILE__, __LINE__, "\"%s\" (tense %d) asks \"%s\"",
						 text, (int)tense, out[0].text);
		}
		CHECK(fact_kind_name(fact_kind_guess(text)) != NULL);
	}
}

/* The kind a fact is filed under, from its words (fact_kind_guess()). */
static const char *
kind_of(const char *text)
{
	return fact_kind_name(fact_kind_guess(text));
}

static void
kinds_from_words(void)
{
	/* Food */
	CHECK_STR(kind_of("loves the bistro on rue Oberkampf"), "food");
	CHECK_STR(kind_of("dinner at Septime"), "food");
	CHECK_STR(kind_of("son resto préféré"), "food");
	CHECK_STR(kind_of("un RESTAU à Lyon"), "food");
	CHECK_STR(kind_of("brasserie Chez Georges"), "food");
	CHECK_STR(kind_of("fan de café"), "food");
	CHECK_STR(kind_of("sushi every Friday"), "food");
	/* Travel, a place after a preposition included */
	CHECK_STR(kind_of("ski trip to Chamonix"), "travel");
	CHECK_STR(kind_of("séjour à Biarritz"), "travel");
	CHECK_STR(kind_of("Vacances en Grèce"), "travel");
	CHECK_STR(kind_of("une semaine à Chamonix en février"), "travel");
	CHECK_STR(kind_of("off to Tokyo next week"), "travel");
	CHECK_STR(kind_of("au ski à Chamonix en février"), "travel");
	/* Work events: the conference wins over the city */
	CHECK_STR(kind_of("speaking at a conference in Lyon"), "work");
	CHECK_STR(kind_of("salon VivaTech en juin"), "work");
	CHECK_STR(kind_of("conférence à Bordeaux"), "work");
	CHECK_STR(kind_of("nouveau poste chez Airbus"), "work");
	/* Family */
	CHECK_STR(kind_of("the twins"), "family");
	CHECK_STR(kind_of("les jumeaux entrent au CP"), "family");
	CHECK_STR(kind_of("mariage de sa sœur"), "family");
	CHECK_STR(kind_of("new baby"), "family");
	CHECK_STR(kind_of("a new puppy"), "family");
	CHECK_STR(kind_of("trip to Bali with the kids"), "travel");
	/* Sport, hobby */
	CHECK_STR(kind_of("plays padel on Sundays"), "sport");
	CHECK_STR(kind_of("goes skiing every winter"), "sport");
	CHECK_STR(kind_of("runs the Paris marathon"), "sport");
	CHECK_STR(kind_of("chante dans une chorale"), "hobby");
	/* A move, an illness, a home, or nothing to go by */
	CHECK_STR(kind_of("moving house in March"), "other");
	CHECK_STR(kind_of("lives in Lyon"), "other");
	CHECK_STR(kind_of("our office in Montréal is closing"), "other");
	CHECK_STR(kind_of("collects fountain pens"), "other");
	CHECK_STR(kind_of(""), "other");
}

int
main(void)
{
	RUN(travel_en);
	RUN(travel_fr);
	RUN(travel_across_languages);
	RUN(travel_no_place);
	RUN(sport);
	RUN(family);
	RUN(food);
	RUN(hobby);
	RUN(work);
	RUN(other);
	RUN(other_without_words);
	RUN(absurd_long_fact);
	RUN(escape_sequences);
	RUN(zero_facts_library_only);
	RUN(library_reads_well);
	RUN(newest_fact_first);
	RUN(fill_with_library);
	RUN(max_respected);
	RUN(same_question_once);
	RUN(used_last_time_not_first);
	RUN(used_last_time_not_first_when_full);
	RUN(never_used_before_used);
	RUN(oldest_use_first);
	RUN(fact_used_last_time_after_library);
	RUN(library_rotates);
	RUN(all_used_last_time);
	RUN(language_from_the_locale);
	RUN(tense_relative_words);
	RUN(tense_month_names);
	RUN(tense_did_not_happen);
	RUN(ahead_asks_forward);
	RUN(stale_facts_are_no_openers);
	RUN(person_is_named);
	RUN(random_facts_keep_their_tense);
	RUN(kinds_from_words);
	return tap_done();
}
