/* ical.c: the iCalendar functions, loaded from librapport-ical on first use
** (see ical.h for why). */
#include "ical.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rapport/calendar.h"
#include "rapport/invite.h"
#include "rapport/i18n.h"

#ifndef RAPPORT_ICAL_INSTALLED
#define RAPPORT_ICAL_INSTALLED "../lib/rapport"
#endif

#define MODULE "librapport-ical.so"

static struct {
	void *handle;
	enum rp_status (*read)(const char *, int64_t, bool, invite *, rp_error *);
	enum rp_status (*line)(const char *, agenda_spec *, rp_error *);
	enum rp_status (*items)(const char *, invite *, rp_error *);
	enum rp_status (*text)(const struct calendar *, size_t, bool, int64_t, char **, rp_error *);
} ical;

/* Load the module once.  It is looked for beside the running program: in
** the build tree (src/ical/ next to src/cli/, tests/, bench/...), then where
** meson installs it (the library folder, relative to the bin folder). */
static enum rp_status
load(rp_error *err)
{
	static const char *const places[] = {
		"../ical/", "../src/ical/", "../" RAPPORT_ICAL_INSTALLED "/",
	};
	char exe[PATH_MAX], path[PATH_MAX + 64], *slash;
	ssize_t n;

	if (ical.handle)
		return RP_OK;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return rp_fail(err, RP_EIO,
			       _("iCalendar support cannot be loaded: where is rapport?"));
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		slash[1] = '\0';
	for (size_t i = 0; i < sizeof places / sizeof places[0] && ical.handle == NULL; i++) {
		snprintf(path, sizeof path, "%s%s%s", exe, places[i], MODULE);
		if (access(path, R_OK) == 0)
			ical.handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	}
	if (ical.handle == NULL && dlerror() != NULL)
		return rp_fail(err, RP_EIO,
			       _("iCalendar support cannot be loaded (%s: not found beside rapport)"),
			       MODULE);
	if (ical.handle == NULL)
		return rp_fail(err, RP_EIO, _("iCalendar support cannot be loaded (%s)"), MODULE);
	/* dlsym gives an object pointer; POSIX guarantees it holds a function. */
	*(void **)&ical.read = dlsym(ical.handle, "ical_invite_read");
	*(void **)&ical.line = dlsym(ical.handle, "ical_invite_line_item");
	*(void **)&ical.items = dlsym(ical.handle, "ical_invite_items");
	*(void **)&ical.text = dlsym(ical.handle, "ical_calendar_text");
	if (!ical.read || !ical.line || !ical.items || !ical.text) {
		dlclose(ical.handle);
		ical.handle = NULL;
		return rp_fail(err, RP_EIO,
			       _("iCalendar support cannot be loaded (%s is not the right one)"),
			       MODULE);
	}
	return RP_OK;
}

enum rp_status
invite_read(const char *path, int64_t now, bool past, invite *out, rp_error *err)
{
	enum rp_status s = load(err);

	return s != RP_OK ? s : ical.read(path, now, past, out, err);
}

enum rp_status
invite_line_item(const char *line, agenda_spec *out, rp_error *err)
{
	enum rp_status s = load(err);

	return s != RP_OK ? s : ical.line(line, out, err);
}

enum rp_status
invite_description_items(const char *description, invite *out, rp_error *err)
{
	enum rp_status s = load(err);

	return s != RP_OK ? s : ical.items(description, out, err);
}

enum rp_status
calendar_text(const calendar *cal, size_t index, bool publish, int64_t now, char **out,
	      rp_error *err)
{
	enum rp_status s = load(err);

	*out = NULL;
	return s != RP_OK ? s : ical.text(cal, index, publish, now, out, err);
}
