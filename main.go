// Command drillbook is the Drillbook desktop app and its command line.
package main

import (
	"os"

	"drillbook/app"
	"drillbook/cli"
	"drillbook/internal/cpuprofile"
	// Before Fyne's packages initialise, make a C locale readable to them,
	// so no command logs about it (see the package comment on init order).
	_ "drillbook/internal/localeenv"
)

func main() {
	stopProfile := cpuprofile.Start(os.Getenv, os.Stderr)
	code := cli.Main(os.Args[1:], cli.Env{
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Version: app.Version,
		GUI: func(o cli.GUIOptions) error {
			return app.Run(app.Options{Path: o.Path, Demo: o.Demo, Exercise: o.Exercise, Speed: o.Speed, Projector: o.Projector})
		},
	})
	stopProfile()
	os.Exit(code)
}
