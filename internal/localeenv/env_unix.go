//go:build !windows && !darwin && !js && !android

package localeenv

// readsLocaleFromEnv: go-locale reads the environment on these systems
// (the same build constraint as its locale_unix.go); elsewhere it asks
// the operating system, and this package does nothing.
const readsLocaleFromEnv = true
