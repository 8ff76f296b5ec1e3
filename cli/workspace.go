package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"drillbook/plan"
)

// setupNew declares new's flags; its run writes a blank or demo
// workspace, refusing to overwrite a file without --force.
func setupNew(fs *flag.FlagSet) func(Env, string) error {
	demo := fs.Bool("demo", false, "start from the built-in demo workspace")
	name := fs.String("name", "", "the organisation's `NAME`")
	force := fs.Bool("force", false, "overwrite an existing file")
	return func(env Env, path string) error {
		if _, err := os.Stat(path); err == nil && !*force {
			return fmt.Errorf("%s already exists; use --force to overwrite it", path)
		} else if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		ws := plan.New("New organisation")
		if *demo {
			ws = plan.Demo()
		}
		if *name != "" {
			ws.Organisation.Name = *name
		}
		if err := plan.Save(path, ws); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "wrote %s\n", path)
		return nil
	}
}

// setupValidate has no flags; its run prints every problem of the
// workspace and fails with errProblems if one is an error.
func setupValidate(*flag.FlagSet) func(Env, string) error {
	return func(env Env, path string) error {
		ws, err := plan.Load(path)
		if err != nil {
			return err
		}
		problems := ws.Validate()
		for _, p := range problems {
			fmt.Fprintf(env.Stdout, "%s: %s: %s\n", path, p.Level, p)
		}
		errs := problems.Errors()
		fmt.Fprintf(env.Stdout, "%s: %d errors, %d warnings\n", path, errs, len(problems)-errs)
		if errs > 0 {
			return errProblems
		}
		return nil
	}
}
