//go:build windows || darwin || js || android

package localeenv

// readsLocaleFromEnv: see env_unix.go.
const readsLocaleFromEnv = false
