// The only C the project has: what Swift cannot import from ncursesw by itself
// (macros, concurrency-unsafe globals). See ../../../shared/notes/terminal.md.
#ifndef ASLDB_CCURSES_SHIM_H
#define ASLDB_CCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// wcwidth is hidden from Swift's Glibc module.
int wcwidth(wchar_t c);

#endif
