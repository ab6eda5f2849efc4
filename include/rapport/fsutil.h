/* fsutil.h: the few file-system steps the core, the command line and the
** screens each need: syncing a folder, making private folders, and finding
** rapport's state folder.  Nothing here allocates for the caller.
*/
#ifndef RAPPORT_FSUTIL_H
#define RAPPORT_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/error.h"

/* fsync what path names, a file or a folder; 0, or -1 with errno set.  A
** file system that cannot sync a folder (EINVAL) is not an error: there is
** nothing more to do. */
int fsutil_sync(const char *path);

/* fsync the folder holding path (dirname(3) of it), so that a name just
** made or moved there survives a power cut; as fsutil_sync. */
int fsutil_sync_folder_of(const char *path);

/* mkdir -p path, each folder it makes 0700 (whatever the umask allows).
** RP_OK when each part was made or was there already; else RP_EIO naming
** the folder that could not be made, with errno left as mkdir(2) set it,
** or RP_EINVAL when path is too long. */
enum rp_status fsutil_make_folders(const char *path, rp_error *err);

/* rapport's state folder into buf: $XDG_STATE_HOME/rapport, else
** $HOME/.local/state/rapport, then "/sub" when sub is not NULL.  The XDG
** spec says a relative $XDG_STATE_HOME is to be ignored, and so is a
** relative $HOME.  False when neither will do or buf is too small. */
bool fsutil_state_folder(char *buf, size_t size, const char *sub);

#endif
