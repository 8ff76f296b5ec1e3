// Package portfolio compares many clients' workspaces side by side: it
// loads and assesses each file once (concurrently, a worker per core),
// makes one Client row per workspace from the same scoring.Assess call
// `drillbook assess` makes, groups the clients by sector with the median
// and quartiles of every dimension's level and of the index, places each
// client against its peers, lists the files that failed to load with the
// loader's error, and can anonymise the result for benchmarking decks.
//
// It is pure Go (plan and scoring only); the workbook and PDF are written
// by package export, the command by cli and the window by app/compareview.
package portfolio
