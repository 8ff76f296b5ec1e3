package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// appSources parses every Go file under app/, subpackages included.
func appSources(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		files[filepath.ToSlash(path)] = f
		return err
	})
	if err != nil || len(files) < 20 {
		t.Fatalf("app sources: %d files, %v", len(files), err)
	}
	return fset, files
}

// TestOnlySafemdParsesMarkdown keeps widgets/safemd.go the one rendering
// path: any other call of Fyne's Markdown parser anywhere in the GUI could
// show an image and fetch it.
func TestOnlySafemdParsesMarkdown(t *testing.T) {
	fset, files := appSources(t)
	for path, file := range files {
		if path == "widgets/safemd.go" || path == "widgets/safemd_test.go" { // the test compares with Fyne's own parse
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "NewRichTextFromMarkdown", "ParseMarkdown", "AppendMarkdown":
					t.Errorf("%s: %s bypasses widgets/safemd.go (use widgets.SetMarkdown or NewMarkdown, with MdText for user text)", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}

// Fyne's save dialog truncates the chosen file before its callback runs
// (see picker/save.go): the app must not use it.
func TestFyneSaveDialogIsNotUsed(t *testing.T) {
	fset, files := appSources(t)
	for path, file := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "dialog" && (sel.Sel.Name == "NewFileSave" || sel.Sel.Name == "ShowFileSave") {
					t.Errorf("%s calls dialog.%s, which truncates the file before the app writes it", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}
