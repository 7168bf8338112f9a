// Process-wide services that need C: signal handlers that may only call async-signal-safe
// functions, and glibc's malloc_trim, which Swift's Glibc module does not export.
#ifndef SDPLINT_PROCESS_H
#define SDPLINT_PROCESS_H

// Sets the temporary file a termination signal removes before the process ends, or clears it
// (NULL). The path is copied; the termination signals are blocked while it changes, so a
// handler never reads half of one. Returns 0, or -1 when the path is too long to keep.
int sdplint_set_pending_file(const char *path);

// Installs the handlers of SIGINT, SIGTERM and SIGHUP: remove the pending file, then end the
// process by the signal itself (the shell sees 128 + its number). A signal that the process
// was started with ignored (nohup) stays ignored. Unblocks these signals and SIGPIPE, which a
// parent may have left blocked, and restores SIGPIPE's default action, so that a closed pipe
// ends the process quietly as it ends grep.
void sdplint_handle_termination_signals(void);

// Hands memory that the allocator keeps after free back to the system, where the C library
// can (glibc's malloc_trim); does nothing elsewhere.
void sdplint_release_free_memory(void);

// From now on the first SIGINT or SIGTERM only sets the flag sdplint_stop_requested reads (a
// listener then stops and what it read is reported); a second one ends the process as before.
void sdplint_begin_listening(void);

// Whether a stop was asked for since sdplint_begin_listening: 1 or 0.
int sdplint_stop_requested(void);

#endif
