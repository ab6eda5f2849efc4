/* agenda_lines.c: which lines of an invitation's description are agenda.
**
** An invitation's description is a letter more often than an agenda: a
** greeting, some prose or a list, a sign-off, a signature, a disclaimer,
** and the join block a video-call tool appends.  Only the agenda is wanted.
** Words are matched folded (text_fold: case and accents aside, "ß" as
** "ss"), so "Hälsningar" and "halsningar" are one; the word lists, in
** English, French, German, Spanish and Swedish, are in agenda_words.c.
**
** Reading stops for good at
**   - a sign-off: "-- ", "Best regards", "Cheers,", "Cordialement",
**     "Med vänliga hälsningar", "Mvh Erik", "Mit freundlichen Grüßen",
**     "Saludos a todos", "/Erik", or a bare thanks ("Thank you!", "Merci
**     à tous", "Tack!"): what follows is a signature (a name, a title, an
**     address, phones), never agenda, not even a list.  A sign-off stands
**     alone or before a name ("Regards from the CEO" is agenda);
**   - a legal disclaimer: a heading ("Disclaimer:", "Aviso legal"), a
**     note on printing, a sentence on the reader's personal data, or a
**     long one about a message and its confidentiality or recipient; the
**     rest of the text is more of it.
** Stopping is what a wrong match costs most, so these rules are the
** strictest.
**
** Before that, a line is no item when it is
**   - blank, or punctuation only ("-----", "-::~:~::-", "____");
**   - a heading ending with a colon ("Agenda:", "Ordre du jour :");
**   - a greeting ("Hi all", "Hej Alice,", "Bonjour à tous": two words
**     after it at most, unless a comma or "!" ends it); a greeting followed
**     by a comma and more ("Hi all, let's start") loses only the greeting;
**   - courtesy: thanks for something ("Thanks for joining", "Merci de
**     confirmer"), "Looking forward...", "Hoppas...", "No dude en...";
**   - a URL ("://", "www.", or a bare host "meet.google.com/abc-defg-hij",
**     "acme.se"), an e-mail address with nothing but a name or a label
**     around it, an IP address;
**   - a phone number, in any format, with or without a label ("+46 8 123
**     45 67", "Tel: 070-123 45 67", "(US) +1 424-555-0123 PIN: 1#");
**   - a postal address ("Storgatan 1", "111 22 Stockholm", "12 rue de la
**     Paix"), a job title ("Projektledare", "Chef de projet chez Acme"),
**     an organisation's footer ("Acme AB | Storgatan 1 | acme.se");
**   - a line of the join blocks of Teams, Zoom, Google Meet and Webex
**     (noise_labels: "Meeting ID", "Passcode", "Or join by entering a
**     meeting ID", "Join from a video system", "Access code", ...; a
**     one-word label needs a value: "Passcode policy" is agenda), or a
**     mailer's ("Sent from my iPhone", a forwarded mail's "From:").
**
** Then, when some lines carry a list marker ("-", "*", "•", "1.", "1)"),
** only those are items: the prose around a list is not agenda.  Without a
** list, prose is cut into sentences and each sentence is an item, without
** its final period: "Let's go over the budget. Then the Q3 timeline." gives
** "Let's go over the budget" and "Then the Q3 timeline".  An item longer
** than MEETING_TITLE_MAX characters is cut and ends with "…"; at most
** AGENDA_ITEMS_MAX items are taken.
**
** Names are not recognised on their own (a name and an agenda item look
** alike: "Alice Martin", "Budget Review"); they are left out because they
** follow a sign-off.
*/
#include "agenda_lines.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "agenda_words.h"
#include "field.h"
#include "ical.h"
#include "rapport/text.h"

#define WORDS_MAX 24             /* words of a line looked at one by one */

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* What a line is to the agenda. */
enum line_kind {
	LINE_ITEM,     /* an agenda item */
	LINE_NONE,     /* nothing: blank, noise, a greeting, courtesy */
	LINE_CLOSING,  /* a sign-off: a signature follows */
	LINE_LEGAL,    /* a disclaimer starts */
};

/* List markers that need no space after them. */
static const char *const bullets[] = {
	"\xE2\x80\xA2",  /* • */
	"\xE2\x80\xA3",  /* ‣ */
	"\xE2\x97\xA6",  /* ◦ */
	"\xE2\x96\xAA",  /* ▪ */
	"\xE2\x96\xA0",  /* ■ */
	"\xE2\x97\x8F",  /* ● */
	"\xE2\x97\x8B",  /* ○ */
	"\xE2\x96\xBA",  /* ► */
	"\xE2\x9E\xA2",  /* ➢ */
	"\xE2\x86\x92",  /* → */
	"\xC2\xB7",      /* · (Outlook's plain-text bullet) */
	"\xE2\x80\x93",  /* – */
	"\xE2\x80\x94",  /* — */
};

/* Units of a timebox, longest first so "min" does not stop "minutes". */
static const char *const minute_units[] = {
	"minutes", "minute", "mins", "min.", "min", "mn", "'", "\xE2\x80\x99", "\xE2\x80\xB2",
};
static const char *const hour_units[] = { "hours", "hour", "hrs", "hr", "h" };



static bool
is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || is_ascii_letter(c);
}

static char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void
skip_spaces(const char **p, const char *end)
{
	while (*p < end && **p == ' ')
		(*p)++;
}

/* True when s shows a letter or a digit, not only punctuation, symbols,
** box drawing or emoji: "-----" and "-::~:~::-" are separators. */
static bool
has_word(const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return true;
		if (cp < 0x80 ? is_ascii_alnum((char)cp)
			      : cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
					!(cp >= 0x2000 && cp <= 0x2BFF) &&
					!(cp >= 0x3000 && cp <= 0x303F) &&
					!(cp >= 0xFE00 && cp <= 0xFE0F) && cp != 0xFEFF &&
					!(cp >= 0x1F000 && cp <= 0x1FAFF))
			return true;
		i += (size_t)n;
	}
	return false;
}

/* Take a list marker off the start of s (trimmed): a bullet, then a number
** "1." or "1)".  Returns where the rest starts; *marked says if anything
** was taken. */
static char *
strip_marker(char *s, bool *marked)
{
	size_t k, n;

	*marked = false;
	if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
		s += 2;
		*marked = true;
	} else {
		for (k = 0; k < sizeof bullets / sizeof bullets[0]; k++) {
			n = strlen(bullets[k]);
			if (strncmp(s, bullets[k], n) == 0) {
				s += n;
				*marked = true;
				break;
			}
		}
	}
	while (*s == ' ')
		s++;
	for (n = 0; n < 3 && is_digit(s[n]); n++)
		;
	if (n > 0 && (s[n] == '.' || s[n] == ')') && (s[n + 1] == ' ' || s[n + 1] == '\0')) {
		s += n + 1;
		*marked = true;
		while (*s == ' ')
			s++;
	}
	return s;
}

/* Can c be part of a word of folded text?  Bytes beyond ASCII are: text_fold
** leaves letters it does not know (Greek, CJK) as they are. */
static bool
is_word_byte(char c)
{
	return is_ascii_alnum(c) || (unsigned char)c >= 0x80;
}

/* If folded s starts with phrase as whole words, return what follows it,
** else NULL: "hej alice" starts with "hej"; "hejsan" and "tack-kort" do
** not start with "hej" and "tack". */
static const char *
after_phrase(const char *s, const char *phrase)
{
	size_t n = strlen(phrase);

	if (strncmp(s, phrase, n) != 0)
		return NULL;
	if (n > 0 && is_word_byte(phrase[n - 1]) &&
	    (is_word_byte(s[n]) || (s[n] == '-' && is_word_byte(s[n + 1]))))
		return NULL;
	return s + n;
}

/* after_phrase with the first of phrases that matches. */
static const char *
after_any(const char *s, const struct wordlist *phrases)
{
	const char *rest;
	size_t k;

	for (k = 0; k < phrases->n; k++)
		if ((rest = after_phrase(s, phrases->words[k])) != NULL)
			return rest;
	return NULL;
}

static bool
contains_any(const char *s, const struct wordlist *fragments)
{
	size_t k;

	for (k = 0; k < fragments->n; k++)
		if (strstr(s, fragments->words[k]) != NULL)
			return true;
	return false;
}

/* The next word of the text at *p, a run of non-blanks: returns its start
** and sets *len, and *p past it; NULL at the end. */
static const char *
next_word(const char **p, size_t *len)
{
	const char *w = *p;

	while (*w == ' ')
		w++;
	if (*w == '\0')
		return NULL;
	*p = w + strcspn(w, " ");
	*len = (size_t)(*p - w);
	return w;
}

/* Does the word w[0..len) show a letter or a digit ("|" and "-" are no
** words)? */
static bool
is_word(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (is_word_byte(w[i]))
			return true;
	return false;
}

/* Words of s that show a letter or a digit. */
static size_t
count_words(const char *s)
{
	const char *w;
	size_t len, n = 0;

	while ((w = next_word(&s, &len)) != NULL)
		n += is_word(w, len);
	return n;
}

/* True when only blanks and punctuation that ends a phrase (",.!:;?")
** are left in s. */
static bool
only_punctuation(const char *s)
{
	return s[strspn(s, " ,.!:;?")] == '\0';
}

/* Length of w[0..len) without the punctuation that may end a word. */
static size_t
bare_length(const char *w, size_t len)
{
	while (len > 0 && strchr(",.;:!?)>", w[len - 1]) != NULL)
		len--;
	return len;
}

/* Is w[0..len), its final punctuation aside, one of words? */
static bool
word_in(const char *w, size_t len, const struct wordlist *words)
{
	size_t k, n;

	len = bare_length(w, len);
	for (k = 0; k < words->n; k++) {
		n = strlen(words->words[k]);
		if (n == len && memcmp(w, words->words[k], n) == 0)
			return true;
	}
	return false;
}

/* Does w[0..len), its final punctuation aside, end with one of endings? */
static bool
word_ends_in(const char *w, size_t len, const struct wordlist *endings)
{
	size_t k, n;

	len = bare_length(w, len);
	for (k = 0; k < endings->n; k++) {
		n = strlen(endings->words[k]);
		if (len > n && memcmp(w + len - n, endings->words[k], n) == 0)
			return true;
	}
	return false;
}

/* A house number: "1", "12b", "221B", "5,". */
static bool
is_house_number(const char *w, size_t len)
{
	size_t n = 0;

	len = bare_length(w, len);
	while (n < len && is_digit(w[n]))
		n++;
	if (n == 0 || n > 4)
		return false;
	return n == len || (n + 1 == len && is_ascii_letter(w[n]));
}

/* Does valid UTF-8 w start with a capital letter (ASCII, or Latin-1 "À" to
** "Þ")? */
static bool
is_capitalised(const char *w)
{
	const unsigned char *u = (const unsigned char *)w;

	return (u[0] >= 'A' && u[0] <= 'Z') ||
	       (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97);
}

/* The words of folded s, for the rules that look at them one by one. */
struct words {
	const char *at[WORDS_MAX];
	size_t len[WORDS_MAX];
	size_t n;  /* stored: the first WORDS_MAX */
};

static void
split_words(const char *s, struct words *ws)
{
	const char *w;
	size_t len;

	ws->n = 0;
	while (ws->n < WORDS_MAX && (w = next_word(&s, &len)) != NULL) {
		ws->at[ws->n] = w;
		ws->len[ws->n++] = len;
	}
}

/* How many of list's fragments folded s holds. */
static size_t
count_any(const char *s, const struct wordlist *fragments)
{
	size_t k, n = 0;

	for (k = 0; k < fragments->n; k++)
		n += strstr(s, fragments->words[k]) != NULL;
	return n;
}

/* A disclaimer: its heading ("Disclaimer:", "Aviso legal"), a note on
** printing, or a long sentence on a message and its confidentiality or
** recipient (two legal terms, or one in fifteen words: "Please keep this
** message confidential until Monday" is agenda), or on the reader's
** personal data. */
static bool
is_legal(const char *folded)
{
	const char *rest = after_any(folded, &agenda_legal_headings);
	size_t words, terms;

	if (rest != NULL) {
		while (*rest == ' ')
			rest++;
		if (*rest == '\0' || *rest == ':' || *rest == '-')
			return true;
	}
	if (contains_any(folded, &agenda_print_notes))
		return true;
	if ((words = count_words(folded)) < 8)
		return false;
	if (contains_any(folded, &agenda_data_subjects) && contains_any(folded, &agenda_data_terms))
		return true;
	if (!contains_any(folded, &agenda_legal_subjects))
		return false;
	terms = count_any(folded, &agenda_legal_terms);
	return terms >= 2 || (terms == 1 && words >= 15);
}

/* Does what follows a sign-off or a thanks look like a signer: a comma and
** at most three words ("Best, Alice"), or nothing? */
static bool
is_signer(const char *rest)
{
	while (*rest == ' ')
		rest++;
	if (*rest == ',')
		rest++;
	else if (!only_punctuation(rest))
		return false;
	return count_words(rest) <= 3;
}

/* Is text (not folded) after a sign-off a name, or whom it greets: "Erik
** Lindqvist", "aus Berlin", "a todos"?  "from the CEO" is not. */
static bool
is_name(const char *text)
{
	const char *w;
	size_t len;
	bool linked = false;

	while ((w = next_word(&text, &len)) != NULL) {
		if (word_in(w, len, &agenda_name_everyone))
			return true;
		if (word_in(w, len, &agenda_name_links))
			linked = true;
		else if (is_capitalised(w))
			linked = false;
		else
			return false;
	}
	return !linked;
}

/* Where the text after the first n words of body starts. */
static const char *
skip_words(const char *body, size_t n)
{
	size_t len;

	while (n-- > 0 && next_word(&body, &len) != NULL)
		;
	return body;
}

/* A sign-off, a bare thanks or "/Erik": the letter ends here. */
static bool
is_closing(const char *folded, const char *body)
{
	const struct closing *c;
	const char *rest, *w, *p;
	size_t k, len;

	for (k = 0; k < agenda_closings.n; k++) {
		c = &agenda_closings.list[k];
		if ((rest = after_phrase(folded, c->words)) == NULL)
			continue;
		if (is_signer(rest))
			return true;
		/* "Mvh Erik Lindqvist", "Saludos a todos": a name. */
		if (c->named && *rest == ' ' && count_words(rest) <= 3 &&
		    is_name(skip_words(body, count_words(c->words))))
			return true;
	}
	/* "Thank you!", "Merci à tous", "Tack så mycket!", "Thanks again, Bob" */
	if ((rest = after_any(folded, &agenda_thanks)) != NULL) {
		for (p = rest;; rest = p) {
			if ((w = next_word(&p, &len)) == NULL)
				return true;
			if (!word_in(w, len, &agenda_thanks_fillers))
				return is_signer(rest);
			if (w[len - 1] == ',')
				return count_words(p) <= 3;
		}
	}
	return body[0] == '/' && is_capitalised(body + 1) && count_words(body) <= 3;
}

/* Thanks for something ("Thanks for joining", "Merci d'avoir accepté") or
** a courtesy ("Looking forward to it"): polite, not agenda. */
static bool
is_courtesy(const char *folded)
{
	const char *rest = after_any(folded, &agenda_thanks), *w, *f;
	size_t len, k, n;

	if (rest != NULL && (w = next_word(&rest, &len)) != NULL) {
		for (k = 0; k < agenda_thanks_for.n; k++) {
			f = agenda_thanks_for.words[k];
			n = strlen(f);
			if ((n == len || (f[n - 1] == '\'' && n < len)) && memcmp(w, f, n) == 0)
				return true;
		}
	}
	return after_any(folded, &agenda_courtesy) != NULL;
}

/* Where the text after an opening greeting starts in body: a greeting of
** at most five words, alone (returns the end of body) or ended by "," or
** "!" and followed by more (returns where that starts).  NULL when body
** does not open with a greeting.  folded is body folded: folding keeps
** commas and exclamation marks, so the first of them is the same one. */
static char *
greeting_end(const char *folded, char *body)
{
	size_t cut = strcspn(folded, ",!"), len;
	const char *rest;
	char head[128];
	char *p;

	if (cut >= sizeof head)
		return NULL;
	memcpy(head, folded, cut);
	head[cut] = '\0';
	len = cut;
	while (len > 0 && (head[len - 1] == ' ' || head[len - 1] == '.'))
		head[--len] = '\0';
	if ((rest = after_any(head, &agenda_greetings)) == NULL || count_words(head) > 5)
		return NULL;
	/* Unpunctuated, a greeting names two words at most: "Hi all",
	** "Bonjour à tous"; "Hej då till Karin" is agenda. */
	if (folded[cut] == '\0' && count_words(rest) > 2)
		return NULL;
	p = body + strcspn(body, ",!");
	while (*p != '\0' && strchr(" ,!.", *p) != NULL)
		p++;
	return p;
}

/* An e-mail address with at most a name or a label around it: "Alice
** Martin <alice@acme.example>", "E-post: alice@acme.se",
** "Dial 123@example.webex.com".  "Send the slides to alice@acme.se" is
** agenda. */
static bool
is_mail_line(const char *body)
{
	const char *p = body, *w, *at;
	size_t len, others = 0;
	bool address = false;

	while ((w = next_word(&p, &len)) != NULL) {
		at = memchr(w, '@', len);
		if (at != NULL && at > w && is_ascii_alnum(at[-1]) && is_ascii_alnum(at[1]) &&
		    memchr(at, '.', len - (size_t)(at - w)) != NULL) {
			address = true;
			continue;
		}
		if (!is_word(w, len) || w[len - 1] == ':')
			continue;
		if (!is_capitalised(w) || ++others > 4)
			return false;
	}
	return address;
}

/* A bare host name or an IP address: "meet.google.com/abc-defg-hij",
** "acme.se", "teams.microsoft.com/l/x", "162.255.37.11".  A host is written
** in lower case; "ASP.NET" and "Node.js" are not hosts. */
static bool
is_host(const char *w, size_t len)
{
	size_t i, labels = 1, numeric = 0, last = 0;
	bool digits = true;  /* the label being read has only digits so far */

	while (len > 0 && strchr("<([\"'", *w) != NULL) {
		w++;
		len--;
	}
	len = bare_length(w, len);
	for (i = 0; i < len && w[i] != '/'; i++) {
		if (w[i] == '.') {
			if (i == last)
				return false;
			labels++;
			numeric += digits;
			digits = true;
			last = i + 1;
		} else if ((w[i] >= 'a' && w[i] <= 'z') || w[i] == '-') {
			digits = false;
		} else if (!is_digit(w[i])) {
			return false;
		}
	}
	if (labels < 2 || i == last)
		return false;
	numeric += digits;
	if (labels == 4 && numeric == 4)
		return true;
	return !digits && word_in(w + last, i - last, &agenda_domains);
}

/* A number to dial, with or without a label: "+46 8 123 45 67",
** "070-123 45 67", "Tel: 08-123 456 78", "(US) +1 424-555-0123 PIN: 1#",
** "+16465588656,,855#".  Seven digits or more.  A bare number (no label,
** no "+") is one only when nothing follows it: "1 500 000 SEK" is money;
** "+5% budget" has too few digits. */
static bool
is_phone_number(const char *folded)
{
	const char *p = folded, *start, *rest;
	bool labelled = false;
	int digits = 0;

	if (p[0] == '(' && is_ascii_letter(p[1]) && is_ascii_letter(p[2]) && p[3] == ')') {
		p += 4;
		labelled = true;
	} else if ((rest = after_any(p, &agenda_phone_labels)) != NULL) {
		p = rest;
		labelled = true;
	} else if (is_ascii_letter(p[0]) && p[1] == ':') {
		p += 2;
		labelled = true;
	}
	while (*p == ' ' || *p == ':' || *p == '.')
		p++;
	start = p;
	for (; *p != '\0' && strchr("0123456789 +-()./,#*", *p) != NULL; p++)
		digits += is_digit(*p);
	if (digits < 7)
		return false;
	return labelled || *start == '+' || *p == '\0';
}

/* A job title alone or before its organisation: "Projektledare",
** "Project Manager | Contoso", "Chef de projet chez Acme".  "Product owner
** sync" is agenda. */
static bool
is_job_title(const char *folded)
{
	const char *rest = after_any(folded, &agenda_job_titles), *link;

	if (rest == NULL)
		return false;
	if (only_punctuation(rest))
		return true;
	while (*rest == ' ')
		rest++;
	if ((link = after_any(rest, &agenda_title_links)) == NULL)
		return false;
	return count_words(link) <= 5;
}

/* A postal address line: "Storgatan 1", "Hauptstraße 5", "12 rue de la
** Paix", "Calle Mayor 10", "1 Main Street", "111 22 Stockholm", "75002
** Paris", "SE-111 22 Stockholm", "Box 1234". */
static bool
is_address(const char *folded)
{
	struct words ws;
	const char *rest, *w;
	size_t i, j, len, first = 0;

	if ((rest = after_any(folded, &agenda_post_boxes)) != NULL &&
	    *rest == ' ' && is_digit(rest[1]))
		return true;
	if (count_words(folded) > 8)
		return false;
	split_words(folded, &ws);
	if (ws.n == 0)
		return false;
	/* A postcode, then a town of one to three words. */
	w = ws.at[0];
	len = ws.len[0];
	if (len > 3 && is_ascii_letter(w[0]) && (w[1] == '-' || w[2] == '-')) {
		len -= w[1] == '-' ? 2 : 3;
		w += w[1] == '-' ? 2 : 3;
	}
	if (len == 5 && strspn(w, "0123456789") == 5)
		first = 1;
	else if (len == 3 && strspn(w, "0123456789") == 3 && ws.n > 1 && ws.len[1] == 2 &&
		 strspn(ws.at[1], "0123456789") == 2)
		first = 2;
	if (first > 0 && ws.n > first && ws.n - first <= 3 &&
	    strpbrk(ws.at[first], "0123456789") == NULL)
		return true;
	for (i = 0; i < ws.n; i++) {
		if (word_ends_in(ws.at[i], ws.len[i], &agenda_street_endings) &&
		    i + 1 < ws.n && is_house_number(ws.at[i + 1], ws.len[i + 1]))
			return true;
		if (!word_in(ws.at[i], ws.len[i], &agenda_street_words))
			continue;
		/* "12 rue de la Paix", "12, rue ..." */
		if (i > 0 && is_house_number(ws.at[i - 1], ws.len[i - 1]))
			return true;
		/* "Calle Mayor 10", "Calle Mayor 10, 28013 Madrid" */
		for (j = i + 1; i == 0 && j < ws.n; j++)
			if (is_house_number(ws.at[j], ws.len[j]) &&
			    (j + 1 == ws.n || ws.at[j][ws.len[j] - 1] == ','))
				return true;
		/* "1 Main Street", "221B Baker Street, London" */
		if (is_house_number(ws.at[0], ws.len[0]) &&
		    (i + 1 == ws.n || ws.at[i][ws.len[i] - 1] == ','))
			return true;
	}
	return false;
}

/* Is s (trimmed, marker taken off; folded: folded) what video-call tools,
** calendars and signatures add, rather than agenda? */
static bool
is_noise(const char *s, const char *folded)
{
	const char *p = s, *w, *bar, *label;
	size_t k, n, len, bars = 0;

	if (s[strlen(s) - 1] == ':')
		return true;
	if (contains_any(folded, &agenda_noise_fragments))
		return true;
	for (k = 0; k < agenda_noise_labels.n; k++) {
		label = agenda_noise_labels.words[k];
		n = strlen(label);
		if (strncmp(folded, label, n) != 0)
			continue;
		if (label[n - 1] == ':')
			return true;
		if (is_ascii_alnum(folded[n]))
			continue;
		/* A one-word label takes a value ("Passcode: 1234", "Mötes-ID
		** 812"), not words: "Passcode policy" is agenda. */
		for (p = folded + n; *p == ' '; p++)
			;
		if (strchr(label, ' ') == NULL && is_word_byte(*p) && !is_digit(*p))
			continue;
		return true;
	}
	p = s;
	/* "Agenda" or "Ordre du jour" alone heads a list. */
	if (word_in(folded, strlen(folded), &agenda_headings) ||
	    word_in(folded, strlen(folded), &agenda_alone))
		return true;
	/* A footer: "Acme AB | Storgatan 1 | 111 22 Stockholm". */
	for (bar = s; (bar = strchr(bar, '|')) != NULL; bar++)
		bars++;
	if (bars >= 2)
		return true;
	while ((w = next_word(&p, &len)) != NULL)
		if (is_host(w, len))
			return true;
	return is_phone_number(folded) || is_mail_line(s) || is_job_title(folded) ||
	       is_address(folded) || is_courtesy(folded);
}

/* What body (trimmed, marker taken off, not blank) is to the agenda.  For
** an item, *start is where its text starts: after a greeting, if any. */
/* A forwarded mail or invitation starts: "-----Original Appointment-----",
** "---------- Forwarded message ---------", "Begin forwarded message:".
** What follows is the earlier letter, its list too: the reading stops.
** The phrase must be most of the line, so "Review the original message
** to the board" stays agenda. */
static bool
is_forward(const char *folded)
{
	static const char *const phrases[] = {
		"original appointment", "original message", "forwarded message",
		"begin forwarded message", "rendez-vous d'origine", "message d'origine",
		"message transfere", "ursprunglicher termin", "ursprungliche nachricht",
		"weitergeleitete nachricht", "cita original", "mensaje original",
		"mensaje reenviado", "ursprungligt mote", "ursprungligt meddelande",
		"vidarebefordrat meddelande",
	};
	size_t letters = 0, want;

	for (const char *c = folded; *c; c++)
		letters += (*c >= 'a' && *c <= 'z') || (unsigned char)*c >= 0x80;
	for (size_t k = 0; k < sizeof phrases / sizeof phrases[0]; k++) {
		if (strstr(folded, phrases[k]) == NULL)
			continue;
		want = 0;
		for (const char *c = phrases[k]; *c; c++)
			want += *c >= 'a' && *c <= 'z';
		if (letters <= want + 3)
			return true;
	}
	return false;
}

static enum line_kind
classify(char *body, char **start, bool *oom)
{
	enum line_kind kind = LINE_ITEM;
	char *folded, *rest;

	*start = body;
	*oom = false;
	if ((folded = text_fold(body)) == NULL) {
		*oom = true;
		return LINE_NONE;
	}
	if (is_legal(folded))
		kind = LINE_LEGAL;
	else if (is_closing(folded, body) || is_forward(folded))
		kind = LINE_CLOSING;
	else if ((rest = greeting_end(folded, body)) != NULL) {
		/* "Hej Alice, hoppas allt är bra!": what follows is judged
		** alone, and a greeting never signs off ("Hi, thanks").
		** "Hi Sam, hi Priya," greets twice. */
		do {
			free(folded);
			if (!has_word(rest))
				return LINE_NONE;
			if ((folded = text_fold(rest)) == NULL) {
				*oom = true;
				return LINE_NONE;
			}
			*start = rest;
		} while ((rest = greeting_end(folded, *start)) != NULL);
		rest = *start;
		if (is_legal(folded))
			kind = LINE_LEGAL;
		else if (is_closing(folded, rest) || is_noise(rest, folded))
			kind = LINE_NONE;
	} else if (is_noise(body, folded))
		kind = LINE_NONE;
	free(folded);
	return kind;
}


/* If [p, end) starts with one of units (ASCII ones case aside, and not
** followed by a letter), return the end of the unit, else NULL. */
static const char *
match_unit(const char *p, const char *end, const char *const *units, size_t count)
{
	size_t k, n, i;

	for (k = 0; k < count; k++) {
		n = strlen(units[k]);
		if ((size_t)(end - p) < n)
			continue;
		for (i = 0; i < n; i++)
			if (ascii_lower(p[i]) != units[k][i])
				break;
		if (i < n)
			continue;
		if (p + n < end && is_ascii_alnum(units[k][0]) && is_ascii_letter(p[n]))
			continue;
		return p + n;
	}
	return NULL;
}

/* Read 1 to 4 digits at *p. */
static bool
read_number(const char **p, const char *end, int *value)
{
	int n = 0, v = 0;

	while (*p + n < end && is_digit((*p)[n]) && n < 5)
		v = v * 10 + ((*p)[n++] - '0');
	if (n == 0 || n > 4)
		return false;
	*p += n;
	*value = v;
	return true;
}

/* Read all of [p, end) as a timebox: "15 min", "15'", "15’", "2 h",
** "1h30", "1 h 30 min".  Sets *minutes (1..MEETING_MINUTES_MAX). */
static bool
parse_duration(const char *p, const char *end, int *minutes)
{
	const char *u;
	int n, total, extra;

	skip_spaces(&p, end);
	if (!read_number(&p, end, &n))
		return false;
	skip_spaces(&p, end);
	if ((u = match_unit(p, end, minute_units,
			    sizeof minute_units / sizeof minute_units[0])) != NULL) {
		total = n;
		p = u;
	} else if ((u = match_unit(p, end, hour_units,
				   sizeof hour_units / sizeof hour_units[0])) != NULL) {
		total = n * 60;
		p = u;
		skip_spaces(&p, end);
		if (p < end) {
			if (!read_number(&p, end, &extra) || extra >= 60)
				return false;
			total += extra;
			skip_spaces(&p, end);
			if ((u = match_unit(p, end, minute_units,
					    sizeof minute_units / sizeof minute_units[0])) != NULL)
				p = u;
		}
	} else {
		return false;
	}
	skip_spaces(&p, end);
	if (p != end || total < 1 || total > MEETING_MINUTES_MAX)
		return false;
	*minutes = total;
	return true;
}

/* Can a bare timebox start after c?  After a blank or a separator, not in
** the middle of a word or a number ("v1.15 min", "Q15min"). */
static bool
timebox_may_follow(char c)
{
	return c == ' ' || c == '-' || c == ':' || c == ',' || c == ';' || c == '|' ||
	       c == '/' || (unsigned char)c >= 0x80;
}

/* Find a trailing timebox in s, cut it off and return its minutes, or 0
** when there is none: "(15 min)" or "[15']", a bare "15 min" or "- 15'",
** or ":15" right after a word (not "12:30", a time of day). */
static int
take_timebox(char *s)
{
	size_t len = strlen(s), i;
	char *open, *colon;
	int minutes;

	if (len > 0 && (s[len - 1] == ')' || s[len - 1] == ']')) {
		open = strrchr(s, s[len - 1] == ')' ? '(' : '[');
		if (open != NULL && parse_duration(open + 1, s + len - 1, &minutes)) {
			*open = '\0';
			return minutes;
		}
	}
	/* The leftmost start wins, so "1h 30 min" is read whole. */
	for (i = 0; i < len; i++) {
		if (is_digit(s[i]) && (i == 0 || timebox_may_follow(s[i - 1])) &&
		    parse_duration(s + i, s + len, &minutes)) {
			s[i] = '\0';
			return minutes;
		}
	}
	colon = strrchr(s, ':');
	if (colon != NULL && colon > s && !is_digit(colon[-1]) && colon[1] != '\0' &&
	    strspn(colon + 1, "0123456789") == strlen(colon + 1) && strlen(colon + 1) <= 4) {
		minutes = atoi(colon + 1);
		if (minutes >= 1 && minutes <= MEETING_MINUTES_MAX) {
			*colon = '\0';
			return minutes;
		}
	}
	return 0;
}

/* Take blanks and separators off the end of s: "Budget -" and
** "Calendrier —" lose the dash the timebox left behind. */
static void
trim_separators(char *s)
{
	static const char *const tails[] = {
		" ", "-", ":", ",", ";", "|", "/", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7",
	};
	size_t len = strlen(s), k, n;
	bool cut = true;

	while (cut && len > 0) {
		cut = false;
		for (k = 0; k < sizeof tails / sizeof tails[0]; k++) {
			n = strlen(tails[k]);
			if (len >= n && memcmp(s + len - n, tails[k], n) == 0) {
				len -= n;
				s[len] = '\0';
				cut = true;
				break;
			}
		}
	}
}

/* invite_line_item, also telling whether the line had a list marker and
** what the line is (*kind: an item, nothing, a sign-off, a disclaimer). */
static enum rp_status
parse_line(const char *line, agenda_spec *out, bool *marked, enum line_kind *kind,
	   rp_error *err)
{
	enum rp_status status;
	char *s = NULL, *body, *start;
	size_t len;
	bool oom;

	*marked = false;
	*kind = LINE_NONE;
	out->title[0] = '\0';
	out->minutes = 0;
	if (!text_utf8_valid(line, strlen(line)))
		return rp_fail(err, RP_EINVAL, "agenda item title is not valid UTF-8");
	if ((s = text_sanitize(line, " ")) == NULL) {
		status = rp_fail(err, RP_ENOMEM, "out of memory");
		goto out;
	}
	/* "-- " is the mail signature's delimiter (RFC 3676). */
	if (strcmp(text_trim(s), "--") == 0) {
		*kind = LINE_CLOSING;
		status = rp_fail(err, RP_ENOTFOUND, "no agenda item in a sign-off");
		goto out;
	}
	body = strip_marker(s, marked);
	if (!has_word(body)) {
		status = rp_fail(err, RP_ENOTFOUND, "no agenda item in a blank line");
		goto out;
	}
	*kind = classify(body, &start, &oom);
	if (oom) {
		status = rp_fail(err, RP_ENOMEM, "out of memory");
		goto out;
	}
	if (*kind != LINE_ITEM) {
		status = rp_fail(err, RP_ENOTFOUND, "%s",
				 *kind == LINE_CLOSING ? "no agenda item in a sign-off"
				 : *kind == LINE_LEGAL ? "no agenda item in a legal notice"
						       : "no agenda item in invitation noise");
		goto out;
	}
	/* "Hi all, let's start" is "Let's start". */
	if (start != body && start[0] >= 'a' && start[0] <= 'z')
		start[0] = (char)(start[0] - 'a' + 'A');
	body = start;
	/* A sentence's period is no part of the item; an ellipsis is. */
	len = strlen(body);
	if (len > 1 && body[len - 1] == '.' && body[len - 2] != '.')
		body[len - 1] = '\0';
	out->minutes = take_timebox(body);
	trim_separators(body);
	text_copy_cut(out->title, sizeof out->title, text_trim(body), MEETING_TITLE_MAX);
	status = field_check(out->title, "agenda item title", MEETING_TITLE_MAX, err);
out:
	if (status != RP_OK) {
		out->title[0] = '\0';
		out->minutes = 0;
	}
	free(s);
	return status;
}

enum rp_status
ical_invite_items(const char *description, invite *out, rp_error *err)
{
	return agenda_lines_read(description, out, err);
}

enum rp_status
ical_invite_line_item(const char *line, agenda_spec *out, rp_error *err)
{
	enum line_kind kind;
	bool marked;

	return parse_line(line, out, &marked, &kind, err);
}

/* Does a sentence end at s[i], a ".", "!" or "?" before a blank and a
** capital?  Not after an initial ("J. Smith") or an abbreviation ("e.g.",
** "Dr."). */
static bool
ends_sentence(const char *s, size_t i)
{
	const char *abbreviation;
	size_t start = i, n, k, j;

	if (strchr(".!?", s[i]) == NULL || s[i + 1] != ' ' || !is_capitalised(s + i + 2))
		return false;
	if (s[i] != '.')
		return true;
	while (start > 0 && s[start - 1] != ' ')
		start--;
	n = i - start;
	if (n <= 1)
		return false;
	for (k = 0; k < agenda_abbreviations.n; k++) {
		abbreviation = agenda_abbreviations.words[k];
		if (strlen(abbreviation) != n)
			continue;
		for (j = 0; j < n && ascii_lower(s[start + j]) == abbreviation[j]; j++)
			;
		if (j == n)
			return false;
	}
	return true;
}

/* Take each sentence of prose line (changed in place) as an item, while
** out has room.  Sets *stop when a sentence signs off or starts a
** disclaimer ("... the budget. Thanks!").  Only running out of memory
** fails. */
static enum rp_status
take_sentences(char *line, invite *out, bool *stop, rp_error *err)
{
	enum rp_status status;
	enum line_kind kind;
	agenda_spec item;
	char *sentence = line;
	size_t i = 0;
	bool marked, last = false;

	*stop = false;
	while (!last && out->nitems < AGENDA_ITEMS_MAX) {
		while (line[i] != '\0' && !ends_sentence(line, i))
			i++;
		last = line[i] == '\0';
		if (!last)
			line[i + 1] = '\0';
		status = parse_line(sentence, &item, &marked, &kind, err);
		if (status == RP_ENOMEM)
			return status;
		if (kind == LINE_CLOSING || kind == LINE_LEGAL) {
			*stop = true;
			break;
		}
		if (status == RP_OK)
			out->items[out->nitems++] = item;
		sentence = line + i + 2;
		i += 2;
	}
	return RP_OK;
}

enum rp_status
agenda_lines_read(const char *description, invite *out, rp_error *err)
{
	enum rp_status status = RP_OK;
	enum line_kind kind;
	char *line = malloc(strlen(description) + 1);
	const char *p, *nl;
	bool any_marked = false, marked, stop = false;
	agenda_spec item;
	size_t len;
	int pass;

	out->nitems = 0;
	if (line == NULL)
		return rp_fail(err, RP_ENOMEM, "out of memory");
	/* The first pass learns whether there is a list before the letter
	** ends; the second takes the list, or the prose. */
	for (pass = 0; pass < 2; pass++) {
		stop = false;
		for (p = description; *p != '\0' && !stop && out->nitems < AGENDA_ITEMS_MAX;
		     p = nl) {
			nl = strchr(p, '\n');
			len = nl ? (size_t)(nl - p) : strlen(p);
			memcpy(line, p, len);
			line[len] = '\0';
			nl = nl ? nl + 1 : p + len;
			status = parse_line(line, &item, &marked, &kind, err);
			if (status == RP_ENOMEM)
				goto out;
			if (kind == LINE_CLOSING || kind == LINE_LEGAL)
				break;
			if (pass == 0)
				any_marked = any_marked || (status == RP_OK && marked);
			else if (any_marked && status == RP_OK && marked)
				out->items[out->nitems++] = item;
			/* Prose is judged sentence by sentence: "Hej Alice, vi
			** ses på torsdag. Budgeten först." keeps the last. */
			else if (!any_marked &&
				 (status = take_sentences(line, out, &stop, err)) == RP_ENOMEM)
				goto out;
		}
	}
out:
	free(line);
	if (status == RP_ENOMEM)
		return status;
	rp_error_clear(err);
	return RP_OK;
}
