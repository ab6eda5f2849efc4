/* agenda_lines.c: which lines of an invitation's description are agenda.
*/
#include "agenda_lines.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "ical.h"
#include "rapport/text.h"

#define ELLIPSIS "\xE2\x80\xA6"        /* "…" */

/* Folded (text_fold) starts of lines that video-call tools and calendars
** add to an invitation.  A label matches at the start of a line, followed
** by the end of the line or by something that is not a letter or digit. */
static const char *const noise_labels[] = {
	/* Zoom */
	"join zoom meeting", "meeting id", "passcode", "password:", "password :",
	"one tap mobile", "dial by your location", "find your local number",
	"topic:", "time:",
	"rejoindre la reunion zoom", "id de reunion", "sujet :", "heure :",
	/* Google Meet and Calendar */
	"join with google meet", "join by phone", "or dial", "more phone numbers",
	"learn more about meet", "please do not edit this section",
	"invitation from google calendar", "you are receiving this",
	"forwarding this invitation", "view your event",
	"participer avec google meet", "ou composer", "ou composez",
	"autres numeros de telephone", "merci de ne pas modifier cette section",
	/* Microsoft Teams */
	"microsoft teams meeting", "join microsoft teams meeting", "join on your computer",
	"join the meeting", "click here to join", "download teams", "join on the web",
	"learn more | meeting options", "meeting options", "or call in",
	"phone conference id", "find a local number", "reset pin",
	"reunion microsoft teams", "participer a partir de", "rejoindre la reunion",
	"cliquez ici pour rejoindre", "id de la reunion", "code secret", "mot de passe",
	"telecharger teams", "rejoindre sur le web", "en savoir plus", "options de reunion",
	"ou appelez", "id de conference telephonique", "trouver un numero local",
	"need help", "for organizers", "besoin d'aide", "pour les organisateurs",
	/* Any */
	"pin:", "pin :", "dial-in", "dial in",
};

/* Folded fragments that mark a noise line wherever they appear. */
static const char *const noise_fragments[] = {
	"://", "www.", "mailto:", "is inviting you to", "vous invite a",
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
	"minutes", "minute", "mins", "min", "mn", "'", "\xE2\x80\x99", "\xE2\x80\xB2",
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

/* Copy valid UTF-8 src into dst[size]: whole when it has at most max_chars
** characters and fits, else cut at a character boundary and ended with "…"
** so that a reader sees something is missing. */
static void
copy_cut(char *dst, size_t size, const char *src, size_t max_chars)
{
	size_t len = strlen(src), i = 0, chars = 0;
	uint32_t cp;
	int n;

	if (len < size && text_length(src) <= max_chars) {
		memcpy(dst, src, len + 1);
		return;
	}
	while (i < len && chars + 1 < max_chars) {
		n = text_utf8_decode(src + i, len - i, &cp);
		if (n == 0)
			n = 1;
		if (i + (size_t)n + sizeof ELLIPSIS > size)
			break;
		i += (size_t)n;
		chars++;
	}
	while (i > 0 && src[i - 1] == ' ')
		i--;
	memcpy(dst, src, i);
	memcpy(dst + i, ELLIPSIS, sizeof ELLIPSIS);
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

/* A number to dial: "+1 646 558 8656 US (New York)", "+16465588656,,855#".
** Seven digits or more before the first letter; "+5% budget" is agenda. */
static bool
is_phone_number(const char *s)
{
	int digits = 0;

	if (s[0] != '+')
		return false;
	for (s++; *s != '\0' && !is_ascii_letter(*s); s++)
		digits += is_digit(*s);
	return digits >= 7;
}

/* Is s (trimmed, marker taken off) invitation noise rather than agenda? */
static bool
is_noise(const char *s, bool *oom)
{
	char *folded;
	size_t k, n, len;
	bool noise = false;

	*oom = false;
	if (is_phone_number(s))
		return true;
	len = strlen(s);
	if (len > 0 && s[len - 1] == ':')
		return true;
	if ((folded = text_fold(s)) == NULL) {
		*oom = true;
		return false;
	}
	for (k = 0; k < sizeof noise_fragments / sizeof noise_fragments[0] && !noise; k++)
		noise = strstr(folded, noise_fragments[k]) != NULL;
	for (k = 0; k < sizeof noise_labels / sizeof noise_labels[0] && !noise; k++) {
		n = strlen(noise_labels[k]);
		noise = strncmp(folded, noise_labels[k], n) == 0 &&
			(noise_labels[k][n - 1] == ':' || !is_ascii_alnum(folded[n]));
	}
	/* "Agenda" or "Ordre du jour" alone heads a list. */
	noise = noise || strcmp(folded, "agenda") == 0 || strcmp(folded, "ordre du jour") == 0;
	free(folded);
	return noise;
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

/* invite_line_item, also telling whether the line had a list marker. */
static enum rp_status
parse_line(const char *line, agenda_spec *out, bool *marked, rp_error *err)
{
	enum rp_status status;
	char *s = NULL, *body;
	bool oom;

	*marked = false;
	out->title[0] = '\0';
	out->minutes = 0;
	if (!text_utf8_valid(line, strlen(line)))
		return rp_fail(err, RP_EINVAL, "agenda item title is not valid UTF-8");
	if ((s = text_sanitize(line, " ")) == NULL) {
		status = rp_fail(err, RP_ENOMEM, "out of memory");
		goto out;
	}
	body = strip_marker(text_trim(s), marked);
	if (!has_word(body)) {
		status = rp_fail(err, RP_ENOTFOUND, "no agenda item in a blank line");
		goto out;
	}
	if (is_noise(body, &oom)) {
		status = rp_fail(err, RP_ENOTFOUND, "no agenda item in invitation noise");
		goto out;
	}
	if (oom) {
		status = rp_fail(err, RP_ENOMEM, "out of memory");
		goto out;
	}
	out->minutes = take_timebox(body);
	trim_separators(body);
	copy_cut(out->title, sizeof out->title, text_trim(body), MEETING_TITLE_MAX);
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
ical_invite_line_item(const char *line, agenda_spec *out, rp_error *err)
{
	bool marked;

	return parse_line(line, out, &marked, err);
}

/* Fill out->items from the (sanitized) description, one line at a time.
** Runs twice: the first pass learns whether any item had a list marker,
** in which case the second keeps only those.  Lines that hold no item or
** cannot be a title are left out; only running out of memory fails. */
enum rp_status
agenda_lines_read(const char *description, invite *out, rp_error *err)
{
	enum rp_status status = RP_OK;
	char *line = malloc(strlen(description) + 1);
	const char *p, *nl;
	bool any_marked = false, marked;
	agenda_spec item;
	size_t len;
	int pass;

	out->nitems = 0;
	if (line == NULL)
		return rp_fail(err, RP_ENOMEM, "out of memory");
	for (pass = 0; pass < 2; pass++) {
		for (p = description; *p != '\0' && out->nitems < AGENDA_ITEMS_MAX; p = nl) {
			nl = strchr(p, '\n');
			len = nl ? (size_t)(nl - p) : strlen(p);
			memcpy(line, p, len);
			line[len] = '\0';
			nl = nl ? nl + 1 : p + len;
			status = parse_line(line, &item, &marked, err);
			if (status == RP_ENOMEM)
				goto out;
			if (status != RP_OK || (pass == 1 && any_marked && !marked))
				continue;
			if (pass == 0)
				any_marked = any_marked || marked;
			else
				out->items[out->nitems++] = item;
		}
	}
out:
	free(line);
	if (status == RP_ENOMEM)
		return status;
	rp_error_clear(err);
	return RP_OK;
}
