package handlers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// An id is typed (i18n.ID), so it cannot be sent as a text; these tests make
// sure that every id the code names is a message of the English catalog, so
// that no user ever sees "RequestSent" instead of a sentence.

// TestEveryIDOfTheCodeIsInTheCatalog reads the source of handlers, its
// report and calendar, and of the runtime (bot, bot/webapp): every
// constant of type i18n.ID, and every string constant given to T, N or
// i18n.ID(...), must be a message of en.toml. Ids built at run time from a
// prefix are checked by TestBuiltIDsAreInTheCatalog.
func TestEveryIDOfTheCodeIsInTheCatalog(t *testing.T) {
	var files []string
	for _, dir := range []string{".", "report", "calendar", "../bot", "../bot/webapp"} {
		fs, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		check := func(lit *ast.BasicLit) {
			if lit == nil || lit.Kind != token.STRING {
				return
			}
			id, _ := strconv.Unquote(lit.Value)
			seen++
			if strings.HasSuffix(id, ".") { // a prefix: "help." + name
				return
			}
			if !i18n.English.Has(i18n.ID(id)) {
				t.Errorf("%s: %q is not a message of locales/en.toml", fset.Position(lit.Pos()), id)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec: // const txtX i18n.ID = "X"
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "ID" {
					for _, v := range n.Values {
						lit, _ := v.(*ast.BasicLit)
						check(lit)
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || len(n.Args) == 0 {
					return true
				}
				switch sel.Sel.Name {
				case "T", "N", "ID": // l.T("Id"), l.N("Id", n), i18n.ID("Id")
					lit, _ := n.Args[0].(*ast.BasicLit)
					check(lit)
				}
			}
			return true
		})
	}
	if seen < 400 {
		t.Errorf("found only %d ids in the source: the test no longer sees them", seen)
	}
}

// TestBuiltIDsAreInTheCatalog checks the ids made from a prefix and a name:
// each command's help, each audit action, each report caption, each Party.
func TestBuiltIDsAreInTheCatalog(t *testing.T) {
	b := &Bot{}
	b.routes = b.routeTable()
	for _, r := range b.routes {
		if id := i18n.ID("help." + r.Name); !i18n.English.Has(id) {
			t.Errorf("command /%s has no help: %s is missing", r.Name, id)
		}
	}
	for action, id := range auditWords {
		if !i18n.English.Has(id) {
			t.Errorf("audit action %s: %s is missing", action, id)
		}
	}
	for _, f := range ReportFormats {
		if !i18n.English.Has(reportCaption(f)) {
			t.Errorf("report format %s has no caption", f)
		}
	}
	for _, p := range storage.Parties() {
		for _, id := range []i18n.ID{i18n.ID("party." + string(p.Code) + ".name"), i18n.ID("party." + string(p.Code) + ".side")} {
			if !i18n.English.Has(id) {
				t.Errorf("Party %s: %s is missing", p.Code, id)
			}
		}
	}
	for _, s := range []storage.State{storage.StateOpen, storage.StateSubmitted, storage.StateConfirmed} {
		if _, ok := AppTexts(i18n.English)[string(s)]; !ok {
			t.Errorf("state %s has no word in the app's texts", s)
		}
	}
}

// TestIDsFallBackToEnglishNeverToTheID: a message that a language lacks is
// said in English, not shown as its id.
func TestIDsFallBackToEnglishNeverToTheID(t *testing.T) {
	for _, l := range i18n.Supported {
		if got := l.T(txtHelpHeader); got == string(txtHelpHeader) || got == "" {
			t.Errorf("%s: HelpHeader gives %q", l, got)
		}
	}
}
