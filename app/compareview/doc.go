// Package compareview is File → Compare workspaces…: it asks for a folder
// of clients' workspaces, compares them in the background (package
// portfolio) and shows the result in a window of its own: the clients
// table (sorted by any column), the selected client's radar over its
// sector's median with the sector's quartiles, the files that failed to
// load, and exports of the portfolio workbook and PDF (package export),
// anonymised when asked.
package compareview
