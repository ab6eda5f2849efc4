/* agenda_words.h: the word lists of agenda_lines.c (agenda_words.c).
**
** Internal to librapport-ical.  Every list is folded text (text_fold) and
** static: nothing to free.
*/
#ifndef RAPPORT_AGENDA_WORDS_H
#define RAPPORT_AGENDA_WORDS_H

#include <stdbool.h>
#include <stddef.h>

struct wordlist {
	const char *const *words;
	size_t n;
};

/* A sign-off.  With `named`, a name may follow without a comma ("Mvh
** Erik", "Saludos Ana"); "Best" and "Cheers" only end a line or take a
** comma, as "Best practices" and "Cheers to the team" are no sign-offs. */
struct closing {
	const char *words;  /* folded */
	bool named;
};

struct closings {
	const struct closing *list;
	size_t n;
};

extern const struct wordlist agenda_noise_labels;
extern const struct wordlist agenda_noise_fragments;
extern const struct wordlist agenda_headings;
extern const struct wordlist agenda_alone;
extern const struct wordlist agenda_greetings;
extern const struct wordlist agenda_thanks;
extern const struct wordlist agenda_thanks_fillers;
extern const struct wordlist agenda_thanks_for;
extern const struct wordlist agenda_courtesy;
extern const struct wordlist agenda_legal_headings;
extern const struct wordlist agenda_legal_subjects;
extern const struct wordlist agenda_legal_terms;
extern const struct wordlist agenda_data_subjects;
extern const struct wordlist agenda_data_terms;
extern const struct wordlist agenda_print_notes;
extern const struct wordlist agenda_phone_labels;
extern const struct wordlist agenda_job_titles;
extern const struct wordlist agenda_title_links;
extern const struct wordlist agenda_street_words;
extern const struct wordlist agenda_street_endings;
extern const struct wordlist agenda_post_boxes;
extern const struct wordlist agenda_domains;
extern const struct wordlist agenda_abbreviations;
extern const struct closings agenda_closings;
extern const struct wordlist agenda_name_links;
extern const struct wordlist agenda_name_everyone;

#endif
