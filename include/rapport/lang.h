/* lang.h: the two languages rapport speaks, and who speaks which.
**
** The program's own text (titles, keys, messages, dates on the screens)
** follows the user: lang_user(), set once at start-up by lang_init() from
** the environment, as gettext reads it.  What is said or sent to a client
** (openers, the prompts' phrasings, the Markdown recap, the calendar's
** summaries) follows that client's language (client.lang), whatever the
** user's is; those texts hold both languages in their own tables.
*/
#ifndef RAPPORT_LANG_H
#define RAPPORT_LANG_H

#include <stdbool.h>

enum rp_lang { RP_LANG_EN, RP_LANG_FR };
#define RP_LANG_COUNT 2

/* Pick a client-facing text by language: IN_LANG(lang, "Agenda", "Ordre du jour"). */
#define IN_LANG(lang, en, fr) ((lang) == RP_LANG_FR ? (fr) : (en))

/* French typography's narrow no-break space (U+202F), before ? ! : ; and %
** and inside « »: one column wide, and never a line break. */
#define NNBSP "\xe2\x80\xaf"

/* "en" or "fr". */
const char *lang_code(enum rp_lang lang);

/* The language's own name for itself, for people: "English", "français". */
const char *lang_name(enum rp_lang lang);

/* Read a language as a person types it: "en", "fr", "english", "french",
** "anglais", "français" (any case, accents or not), or a locale name
** ("fr_FR.UTF-8", "fr-CA").  False, *out untouched, for anything else. */
bool lang_parse(const char *text, enum rp_lang *out);

/* The language of a locale name: French for "fr", "fr_FR.UTF-8" and the
** like; English for anything else, NULL included. */
enum rp_lang lang_for_locale(const char *locale);

/* The language the environment asks the program to speak, as gettext
** decides it: English under the C or POSIX locale (C.UTF-8 too), else the
** first of LANGUAGE's list that rapport speaks, else the locale that
** LC_ALL, LC_MESSAGES or LANG names. */
enum rp_lang lang_from_env(void);

/* Set the messages' locale and the text domain for lang_from_env(), with
** the catalogue found beside the program (the build tree's po/, or the
** install prefix's share/locale), and make it lang_user().  French is
** spoken even where no French locale is installed (through C.UTF-8 and
** LANGUAGE).  Returns the language chosen.  Call once, after LC_CTYPE is
** set. */
enum rp_lang lang_init(void);

/* The user's language: English until lang_init() or lang_set_user(). */
enum rp_lang lang_user(void);

/* For tests and tools: make lang the user's language for dates and the
** like (the catalogue is lang_init()'s business). */
void lang_set_user(enum rp_lang lang);

#endif
