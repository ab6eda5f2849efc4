/* export_lang.c: French typography and grammar for what is sent to a
** client.  See export_lang.h. */
#include "export_lang.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NNBSP_LEN 3  /* U+202F is three bytes of UTF-8 */

static bool
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Does a French punctuation mark at s[i] end what it follows (a space, the
** end, or another mark after it)?  A '?' or ':' inside a word or an
** address ("a?b=1", "https://") does not. */
static bool
ends_clause(const char *s, size_t i)
{
	char next = s[i + 1];

	return next == '\0' || next == ' ' || next == '?' || next == '!' || next == '"' ||
	       next == ')' || next == ',' || next == '.';
}

char *
export_typeset(enum rp_lang lang, const char *words)
{
	size_t len = strlen(words), quotes = 0, i;
	bool open = false;
	char *out, *o;

	if (lang != RP_LANG_FR)
		return strdup(words);
	for (i = 0; i < len; i++)
		quotes += words[i] == '"';
	/* Each byte gives at most five: « and a space for a quote. */
	if ((out = malloc(len * 5 + 1)) == NULL)
		return NULL;
	o = out;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)words[i];
		bool spaced = o - out >= NNBSP_LEN && memcmp(o - NNBSP_LEN, NNBSP, NNBSP_LEN) == 0;
		bool prev_letter = o > out && !spaced &&
				   (is_letter((unsigned char)o[-1]) || o[-1] == ')');
		bool prev_digit = o > out && o[-1] >= '0' && o[-1] <= '9';

		if (c == ' ' && words[i + 1] != '\0' && strchr("?!:;%", words[i + 1]) &&
		    (words[i + 1] == '%' || ends_clause(words, i + 1))) {
			memcpy(o, NNBSP, NNBSP_LEN);  /* the space becomes the narrow one */
			o += NNBSP_LEN;
			continue;
		}
		if (((c == '?' || c == '!' || c == ';') && (prev_letter || prev_digit) &&
		     ends_clause(words, i)) ||
		    (c == ':' && prev_letter && ends_clause(words, i)) || (c == '%' && prev_digit)) {
			memcpy(o, NNBSP, NNBSP_LEN);
			o += NNBSP_LEN;
		}
		if (c == '"' && quotes % 2 == 0) {
			if (!open) {
				memcpy(o, "\xc2\xab" NNBSP, 2 + NNBSP_LEN);  /* « */
				o += 2 + NNBSP_LEN;
				while (words[i + 1] == ' ')
					i++;
			} else {
				while (o > out && o[-1] == ' ')
					o--;
				memcpy(o, NNBSP "\xc2\xbb", NNBSP_LEN + 2);  /* » */
				o += NNBSP_LEN + 2;
			}
			open = !open;
			continue;
		}
		*o++ = (char)c;
	}
	*o = '\0';
	return out;
}

char *
export_capitalize(char *s)
{
	unsigned char *u = (unsigned char *)s;

	if (u[0] >= 'a' && u[0] <= 'z')
		u[0] = (unsigned char)(u[0] - 'a' + 'A');
	else if (u[0] == 0xc3 && u[1] >= 0xa0 && u[1] <= 0xbe && u[1] != 0xb7)
		u[1] = (unsigned char)(u[1] - 0x20);  /* à..þ, but not ÷ */
	else if (u[0] == 0xc5 && u[1] == 0x93)
		u[1] = 0x92;  /* œ */
	return s;
}

/* Does s start with a vowel sound French elides before?  Not 'h' (mute
** or aspirated, a table would have to say) nor 'y'. */
static bool
starts_with_vowel(const char *s)
{
	static const char *const accented[] = {
		"à", "â", "é", "è", "ê", "ë", "î", "ï", "ô", "ù", "û", "œ",
		"À", "Â", "É", "È", "Ê", "Ë", "Î", "Ï", "Ô", "Ù", "Û", "Œ",
	};

	if (strchr("aeiouAEIOU", s[0]) != NULL && s[0] != '\0')
		return true;
	for (size_t k = 0; k < sizeof accented / sizeof accented[0]; k++)
		if (strncmp(s, accented[k], strlen(accented[k])) == 0)
			return true;
	return false;
}

const char *
export_fr_de(const char *words, size_t *skip)
{
	*skip = 0;
	if (strncmp(words, "le ", 3) == 0 || strncmp(words, "Le ", 3) == 0) {
		*skip = 3;
		return "du ";
	}
	if (strncmp(words, "les ", 4) == 0 || strncmp(words, "Les ", 4) == 0) {
		*skip = 4;
		return "des ";
	}
	return starts_with_vowel(words) ? "d'" : "de ";
}

bool
export_plural(enum rp_lang lang, long n)
{
	return lang == RP_LANG_FR ? n > 1 : n != 1;
}

const char *
export_owner(enum rp_lang lang, const char *owner)
{
	/* Each word, and the one lang says for it. */
	static const struct {
		const char *word, *en, *fr;
	} words[] = {
		{"me", "me", "moi"},  {"moi", "me", "moi"},   {"i", "me", "moi"},
		{"je", "me", "moi"},  {"us", "us", "nous"},   {"nous", "us", "nous"},
		{"we", "us", "nous"}, {"on", "us", "nous"},   {"them", "them", "eux"},
		{"they", "them", "eux"}, {"eux", "them", "eux"},
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(owner, words[i].word) == 0)
			return IN_LANG(lang, words[i].en, words[i].fr);
	return owner;
}
