/* i18n.h: the program's own words, through gettext (see po/).
**
** Every sentence a person reads goes through one of these, as calcurse and
** mutt do it:
**   _("Saved")              a sentence, translated where it is written;
**   N_("Saved")             one in a static table, marked for the catalogue
**                           and translated with _() where it is shown;
**   P_("%d day", "%d days", n)
**                           a sentence with a number (French takes 0 as
**                           singular: never n == 1 ? "" : "s");
**   C_("key", "Quit")       one word that means two things, told apart by a
**                           context the translator sees.
** English is the source language.  What is said or sent to a client follows
** the client's language instead, from tables that hold both (lang.h).
*/
#ifndef RAPPORT_I18N_H
#define RAPPORT_I18N_H

#include <libintl.h>

#define RAPPORT_TEXT_DOMAIN "rapport"

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(one, many, n) ngettext((one), (many), (unsigned long)(n))

/* The GETTEXT_CONTEXT_GLUE of gettext.h: a context and a message, joined by
** \004 in the catalogue; the message itself when it has no translation. */
const char *i18n_pgettext(const char *context_and_msg, const char *msg);
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)

#endif
