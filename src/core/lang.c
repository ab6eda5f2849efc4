/* lang.c: the user's language, the catalogue, and languages typed by
** people (see lang.h). */
#include "rapport/lang.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "rapport/i18n.h"

#ifndef RAPPORT_LOCALEDIR_INSTALLED
#define RAPPORT_LOCALEDIR_INSTALLED "share/locale"
#endif

static enum rp_lang user_lang = RP_LANG_EN;

const char *
lang_code(enum rp_lang lang)
{
	return lang == RP_LANG_FR ? "fr" : "en";
}

const char *
lang_name(enum rp_lang lang)
{
	return lang == RP_LANG_FR ? "français" : "English";
}

/* Does text start with the two letters of a language code, followed by the
** end or a locale's separator? */
static bool
names_code(const char *text, const char *code)
{
	return strncasecmp(text, code, 2) == 0 &&
	       (text[2] == '\0' || strchr("_-.@:", text[2]) != NULL);
}

bool
lang_parse(const char *text, enum rp_lang *out)
{
	static const struct {
		const char *word;
		enum rp_lang lang;
	} words[] = {
		{"english", RP_LANG_EN}, {"anglais", RP_LANG_EN},
		{"french", RP_LANG_FR},  {"français", RP_LANG_FR},
		{"francais", RP_LANG_FR}, {"FRANÇAIS", RP_LANG_FR},
	};

	if (text == NULL)
		return false;
	if (names_code(text, "en") || names_code(text, "fr")) {
		*out = names_code(text, "fr") ? RP_LANG_FR : RP_LANG_EN;
		return true;
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(text, words[i].word) == 0) {
			*out = words[i].lang;
			return true;
		}
	return false;
}

enum rp_lang
lang_for_locale(const char *locale)
{
	return locale && names_code(locale, "fr") ? RP_LANG_FR : RP_LANG_EN;
}

/* The C or POSIX locale, which gettext leaves untranslated. */
static bool
is_c_locale(const char *name)
{
	return strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	       strncmp(name, "C.", 2) == 0;
}

enum rp_lang
lang_from_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *locale = NULL, *language = getenv("LANGUAGE");

	for (size_t i = 0; i < sizeof vars / sizeof vars[0] && locale == NULL; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			locale = v;
	}
	if (locale == NULL || is_c_locale(locale))
		return RP_LANG_EN;
	/* LANGUAGE is a list, "fr_CA:fr:en": the first that rapport speaks. */
	for (const char *p = language; p && *p;) {
		size_t n = strcspn(p, ":");

		if (n >= 2 && names_code(p, "fr"))
			return RP_LANG_FR;
		if (n >= 2 && names_code(p, "en"))
			return RP_LANG_EN;
		p += n;
		if (*p == ':')
			p++;
	}
	return lang_for_locale(locale);
}

/* Where the catalogue is: beside the program, in the build tree (po/ at the
** top of the build folder, seen from src/cli/, tests/ or bench/) or where
** meson installs it (share/locale, relative to the bin folder's parent).
** NULL when none holds rapport's French catalogue. */
static const char *
catalogue_dir(char *buf, size_t size)
{
	static const char *const places[] = {
		"../../po", "../po", "../" RAPPORT_LOCALEDIR_INSTALLED,
	};
	char exe[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		slash[1] = '\0';
	for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
		char mo[PATH_MAX + 96];

		snprintf(buf, size, "%s%s", exe, places[i]);
		snprintf(mo, sizeof mo, "%s/fr/LC_MESSAGES/" RAPPORT_TEXT_DOMAIN ".mo", buf);
		if (access(mo, R_OK) == 0)
			return buf;
	}
	return NULL;
}

enum rp_lang
lang_init(void)
{
	char dir[PATH_MAX + 64];
	enum rp_lang lang = lang_from_env();
	const char *set;

	user_lang = lang;
	/* English is the source, and the program starts in the C locale,
	** where gettext gives every message as written: nothing to set, find
	** or load. */
	if (lang == RP_LANG_EN)
		return lang;
	/* A French locale this machine lacks: the catalogue is still read,
	** under C.UTF-8, which gettext does not leave untranslated the way it
	** leaves C. */
	set = setlocale(LC_MESSAGES, "");
	if ((set == NULL || is_c_locale(set)) && setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		setlocale(LC_MESSAGES, "C.utf8");
	setenv("LANGUAGE", "fr", 1);
	if (catalogue_dir(dir, sizeof dir) != NULL)
		bindtextdomain(RAPPORT_TEXT_DOMAIN, dir);
	bind_textdomain_codeset(RAPPORT_TEXT_DOMAIN, "UTF-8");
	textdomain(RAPPORT_TEXT_DOMAIN);
	return lang;
}

enum rp_lang
lang_user(void)
{
	return user_lang;
}

void
lang_set_user(enum rp_lang lang)
{
	user_lang = lang;
}

const char *
i18n_pgettext(const char *context_and_msg, const char *msg)
{
	const char *t = gettext(context_and_msg);

	return t == context_and_msg ? msg : t;
}
