package cli

import "flag"

// setupOpen declares the window's flags; its run checks they make sense
// together and hands them to the GUI.
func setupOpen(fs *flag.FlagSet) func(Env, string) error {
	var o GUIOptions
	fs.BoolVar(&o.Demo, "demo", false, "open the built-in demo workspace")
	fs.StringVar(&o.Exercise, "exercise", "", "start this built-in `SCENARIO` at once")
	fs.Float64Var(&o.Speed, "speed", 1, "exercise clock speed, `N` from 1 to 20")
	fs.BoolVar(&o.Projector, "projector", false, "also open the participants' window")
	return func(env Env, file string) error {
		o.Path = file
		switch {
		case o.Path != "" && o.Demo:
			return usagef("--demo takes no FILE")
		case o.Speed < 1 || o.Speed > 20:
			return usagef("--speed must be between 1 and 20")
		case o.Exercise == "" && (o.Projector || o.Speed != 1):
			return usagef("--speed and --projector need --exercise")
		case env.GUI == nil:
			return usagef("this build has no GUI")
		}
		return env.GUI(o)
	}
}
