package main

// The encoding of a parsed file for src/hcl/go-model.ts, which builds iacpac's AST (src/hcl/ast.ts) from it: a flat
// list of little-endian uint32 words, nodes in preorder. Every position is a byte offset into the UTF-8 source (the
// decoder maps it to a string index), and names are read by the decoder from the source at their ranges, so the
// encoding holds no text except the variable names of `for` expressions. Where HCL's AST does not say what iacpac's
// model needs (template directives, a nested splat, very deep nesting...), the file is not encoded: the header
// carries the reason instead and the decoder's caller parses the file with tree-sitter as before.
//
//	file       := FORMAT status (status 0: body comments)
//	body       := nAttrs (start end nameStart nameEnd expr)* nBlocks block*
//	block      := start end typeStart typeEnd nLabels (start end)* openStart closeStart closeEnd body
//	comments   := n (start end)*
//	expr       := tag start end fields (see the tags below)
//	step       := stepAttr start end nameStart | stepIndex start end expr | stepLegacy start end
//	string     := byteLength bytes (padded to a word)

import (
	"bytes"
	"encoding/binary"
	"sort"

	hcl "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

const format = 1

// Expression tags.
const (
	tagNumber    = 1
	tagTrue      = 2
	tagFalse     = 3
	tagNull      = 4
	tagTemplate  = 5 // nInterpolations (markerStart markerEnd stripFlags expr)*
	tagTraversal = 6 // rootStart rootEnd nSteps step*
	tagRelative  = 7 // expr nSteps step*
	tagCall      = 8 // nameStart nameEnd expandFinal nArgs expr*
	tagTuple     = 9 // n expr*
	tagObject    = 10 // n (start end bare (keyStart keyEnd | expr) expr)*
	tagBinary    = 11 // op expr expr
	tagUnary     = 12 // op expr
	tagCond      = 13 // expr expr expr
	tagFor       = 14 // flags [keyVar] valueVar collection [keyExpr] valueExpr [condition]
	tagSplat     = 15 // full expr nSteps step*
	tagParens    = 16 // expr
)

// Steps of a traversal.
const (
	stepAttr   = 1
	stepIndex  = 2
	stepLegacy = 3
)

// `for` flags.
const (
	forObject   = 1
	forGrouping = 2
	forKeyVar   = 4
	forCond     = 8
)

// Why a file was not encoded (the header's status); kept in step with FALLBACK_REASONS in src/hcl/go-model.ts.
const (
	fallbackDirective    = 1 // a template directive (%{...}): HCL's AST keeps no trace of its markers
	fallbackDepth        = 2 // nesting deeper than maxDepth
	fallbackInterpMarker = 3 // an interpolation whose ${ } could not be located around its expression
	fallbackSplat        = 4 // a splat inside a splat's steps
	fallbackExpression   = 5 // an expression kind the encoder does not know
	fallbackIndexKey     = 6 // a traversal's literal index key that could not be parsed again
)

// Deepest expression nesting encoded: deeper files keep tree-sitter's conversion, which bounds its own depth and
// reports it (convert-context.ts).
const maxDepth = 100

var binaryOps = map[*hclsyntax.Operation]uint32{
	hclsyntax.OpLogicalOr:          1,
	hclsyntax.OpLogicalAnd:         2,
	hclsyntax.OpEqual:              3,
	hclsyntax.OpNotEqual:           4,
	hclsyntax.OpLessThan:           5,
	hclsyntax.OpGreaterThan:        6,
	hclsyntax.OpLessThanOrEqual:    7,
	hclsyntax.OpGreaterThanOrEqual: 8,
	hclsyntax.OpAdd:                9,
	hclsyntax.OpSubtract:           10,
	hclsyntax.OpMultiply:           11,
	hclsyntax.OpDivide:             12,
	hclsyntax.OpModulo:             13,
}

type encoder struct {
	src   []byte
	out   []byte
	fail  uint32
	depth int
	// Literal text (of strings, heredocs, labels) as [start, end) byte offsets: no comment starts inside.
	spans [][2]int
}

func encodeFile(src []byte, file *hcl.File) []byte {
	e := &encoder{src: src, out: make([]byte, 0, len(src)*2+64)}
	e.word(format)
	if hasDirective(src) {
		e.word(fallbackDirective)
		return e.out
	}
	e.word(0)
	body, _ := file.Body.(*hclsyntax.Body)
	e.body(body)
	e.comments()
	if e.fail != 0 {
		return []byte{format, 0, 0, 0, byte(e.fail), 0, 0, 0}
	}
	return e.out
}

func (e *encoder) word(v uint32) {
	e.out = binary.LittleEndian.AppendUint32(e.out, v)
}

func (e *encoder) pos(p hcl.Pos) {
	e.word(uint32(p.Byte))
}

func (e *encoder) rng(r hcl.Range) {
	e.word(uint32(r.Start.Byte))
	e.end(r.End)
}

// The end of a range. HCL ends a heredoc (and so every range ending with one) after the white space that follows its
// closing marker on the marker's line; the model's ranges end with the marker. No other range ends with white space.
func (e *encoder) end(p hcl.Pos) {
	end := p.Byte
	for end > 0 && isSpace(e.src[end-1]) {
		end--
	}
	e.word(uint32(end))
}

func (e *encoder) str(s string) {
	e.word(uint32(len(s)))
	e.out = append(e.out, s...)
	for len(e.out)%4 != 0 {
		e.out = append(e.out, 0)
	}
}

func (e *encoder) setFail(reason uint32) {
	if e.fail == 0 {
		e.fail = reason
	}
}

func (e *encoder) body(body *hclsyntax.Body) {
	attrs := make([]*hclsyntax.Attribute, 0, len(body.Attributes))
	for _, attr := range body.Attributes {
		attrs = append(attrs, attr)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	e.word(uint32(len(attrs)))
	for _, attr := range attrs {
		e.rng(attr.SrcRange)
		e.rng(attr.NameRange)
		e.expr(attr.Expr)
	}
	e.word(uint32(len(body.Blocks)))
	for _, block := range body.Blocks {
		e.rng(block.Range())
		e.rng(block.TypeRange)
		e.word(uint32(len(block.LabelRanges)))
		for _, label := range block.LabelRanges {
			e.rng(label)
			e.spans = append(e.spans, [2]int{label.Start.Byte, label.End.Byte})
		}
		e.pos(block.OpenBraceRange.Start)
		e.rng(block.CloseBraceRange)
		e.body(block.Body)
	}
}

// The comments: everything from `#` or `//` to the end of its line (a CR before the line break included) and from
// `/*` to `*/`, outside the literal text of strings, heredocs and labels (the spans the encoder recorded). Re-lexing
// the file would cost about half of HCL's parse.
func (e *encoder) comments() {
	sort.Slice(e.spans, func(i, j int) bool { return e.spans[i][0] < e.spans[j][0] })
	var ranges [][2]int
	next := 0
	src := e.src
	for i := 0; i < len(src); i++ {
		for next < len(e.spans) && e.spans[next][1] <= i {
			next++
		}
		if next < len(e.spans) && e.spans[next][0] <= i {
			i = e.spans[next][1] - 1
			continue
		}
		c := src[i]
		if c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/' {
			end := bytes.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src)
			} else {
				end += i
			}
			ranges = append(ranges, [2]int{i, end})
			i = end
		} else if c == '/' && i+1 < len(src) && src[i+1] == '*' {
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				end = len(src)
			} else {
				end += i + 4
			}
			ranges = append(ranges, [2]int{i, end})
			i = end - 1
		}
	}
	e.word(uint32(len(ranges)))
	for _, r := range ranges {
		e.word(uint32(r[0]))
		e.word(uint32(r[1]))
	}
}

func (e *encoder) expr(expr hclsyntax.Expression) {
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > maxDepth {
		e.setFail(fallbackDepth)
	}
	if e.fail != 0 {
		return
	}
	switch x := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		switch {
		case x.Val.IsNull():
			e.word(tagNull)
		case x.Val.Type() == cty.Bool && x.Val.True():
			e.word(tagTrue)
		case x.Val.Type() == cty.Bool:
			e.word(tagFalse)
		case x.Val.Type() == cty.Number:
			e.word(tagNumber)
		default:
			e.setFail(fallbackExpression)
			return
		}
		e.rng(x.SrcRange)
	case *hclsyntax.TemplateExpr:
		e.template(x.SrcRange, x.Parts)
	case *hclsyntax.TemplateWrapExpr:
		e.template(x.SrcRange, []hclsyntax.Expression{x.Wrapped})
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.IndexExpr:
		e.chain(expr)
	case *hclsyntax.FunctionCallExpr:
		e.word(tagCall)
		e.rng(x.Range())
		e.rng(x.NameRange)
		if x.ExpandFinal {
			e.word(1)
		} else {
			e.word(0)
		}
		e.word(uint32(len(x.Args)))
		for _, arg := range x.Args {
			e.expr(arg)
		}
	case *hclsyntax.TupleConsExpr:
		e.word(tagTuple)
		e.rng(x.SrcRange)
		e.word(uint32(len(x.Exprs)))
		for _, item := range x.Exprs {
			e.expr(item)
		}
	case *hclsyntax.ObjectConsExpr:
		e.word(tagObject)
		e.rng(x.SrcRange)
		e.word(uint32(len(x.Items)))
		for _, item := range x.Items {
			key := item.KeyExpr
			if wrapper, ok := key.(*hclsyntax.ObjectConsKeyExpr); ok {
				key = wrapper.Wrapped
				if trav, ok := key.(*hclsyntax.ScopeTraversalExpr); ok && !wrapper.ForceNonLiteral && len(trav.Traversal) == 1 {
					e.word(uint32(key.Range().Start.Byte))
					e.end(item.ValueExpr.Range().End)
					e.word(1)
					e.rng(key.Range())
					e.expr(item.ValueExpr)
					continue
				}
			}
			e.word(uint32(key.Range().Start.Byte))
			e.end(item.ValueExpr.Range().End)
			e.word(0)
			e.expr(key)
			e.expr(item.ValueExpr)
		}
	case *hclsyntax.BinaryOpExpr:
		op, ok := binaryOps[x.Op]
		if !ok {
			e.setFail(fallbackExpression)
			return
		}
		e.word(tagBinary)
		e.rng(x.SrcRange)
		e.word(op)
		e.expr(x.LHS)
		e.expr(x.RHS)
	case *hclsyntax.UnaryOpExpr:
		e.word(tagUnary)
		e.rng(x.SrcRange)
		if x.Op == hclsyntax.OpLogicalNot {
			e.word(1)
		} else {
			e.word(2)
		}
		e.expr(x.Val)
	case *hclsyntax.ConditionalExpr:
		e.word(tagCond)
		e.rng(x.SrcRange)
		e.expr(x.Condition)
		e.expr(x.TrueResult)
		e.expr(x.FalseResult)
	case *hclsyntax.ForExpr:
		e.word(tagFor)
		e.rng(x.SrcRange)
		var flags uint32
		if x.KeyExpr != nil {
			flags |= forObject
		}
		if x.Group {
			flags |= forGrouping
		}
		if x.KeyVar != "" {
			flags |= forKeyVar
		}
		if x.CondExpr != nil {
			flags |= forCond
		}
		e.word(flags)
		if x.KeyVar != "" {
			e.str(x.KeyVar)
		}
		e.str(x.ValVar)
		e.expr(x.CollExpr)
		if x.KeyExpr != nil {
			e.expr(x.KeyExpr)
		}
		e.expr(x.ValExpr)
		if x.CondExpr != nil {
			e.expr(x.CondExpr)
		}
	case *hclsyntax.SplatExpr:
		e.word(tagSplat)
		e.rng(x.SrcRange)
		if e.src[x.MarkerRange.Start.Byte] == '[' {
			e.word(1)
		} else {
			e.word(0)
		}
		e.expr(x.Source)
		var steps []func()
		if !e.splatSteps(x.Each, &steps) {
			e.setFail(fallbackSplat)
			return
		}
		e.word(uint32(len(steps)))
		for _, step := range steps {
			step()
		}
	case *hclsyntax.ParenthesesExpr:
		e.word(tagParens)
		e.rng(x.SrcRange)
		e.expr(x.Expression)
	default:
		e.setFail(fallbackExpression)
	}
}

// The steps applied to each element of a splat (its Each, a chain over the anonymous symbol), in order.
func (e *encoder) splatSteps(expr hclsyntax.Expression, steps *[]func()) bool {
	switch x := expr.(type) {
	case *hclsyntax.AnonSymbolExpr:
		return true
	case *hclsyntax.RelativeTraversalExpr:
		if !e.splatSteps(x.Source, steps) {
			return false
		}
		for _, step := range x.Traversal {
			step := step
			*steps = append(*steps, func() { e.step(step) })
		}
		return true
	case *hclsyntax.IndexExpr:
		if !e.splatSteps(x.Collection, steps) {
			return false
		}
		*steps = append(*steps, func() {
			e.word(stepIndex)
			e.rng(x.BracketRange)
			e.expr(x.Key)
		})
		return true
	}
	return false
}

// A postfix chain (traversals and index expressions over one base) as one traversal, when the base is a bare name,
// or as one relative traversal over the base.
func (e *encoder) chain(expr hclsyntax.Expression) {
	var steps []func()
	base := expr
	for {
		switch x := base.(type) {
		case *hclsyntax.RelativeTraversalExpr:
			for i := len(x.Traversal) - 1; i >= 0; i-- {
				step := x.Traversal[i]
				steps = append(steps, func() { e.step(step) })
			}
			base = x.Source
			continue
		case *hclsyntax.IndexExpr:
			steps = append(steps, func() {
				e.word(stepIndex)
				e.rng(x.BracketRange)
				e.expr(x.Key)
			})
			base = x.Collection
			continue
		}
		break
	}
	end := expr.Range().End
	if splat, ok := base.(*hclsyntax.SplatExpr); ok && len(steps) > 0 && e.src[splat.MarkerRange.Start.Byte] != '[' {
		// The model's attribute-only splat (`a.*.b[0].c`) holds every step that follows it, its evaluator knowing
		// that those after the first index apply to the splat's result.
		var each []func()
		if !e.splatSteps(splat.Each, &each) {
			e.setFail(fallbackSplat)
			return
		}
		e.word(tagSplat)
		e.word(uint32(splat.SrcRange.Start.Byte))
		e.end(end)
		e.word(0)
		e.expr(splat.Source)
		e.word(uint32(len(each) + len(steps)))
		for _, step := range each {
			step()
		}
		for i := len(steps) - 1; i >= 0; i-- {
			steps[i]()
		}
		return
	}
	if trav, ok := base.(*hclsyntax.ScopeTraversalExpr); ok {
		for i := len(trav.Traversal) - 1; i >= 1; i-- {
			step := trav.Traversal[i]
			steps = append(steps, func() { e.step(step) })
		}
		root := trav.Traversal[0].(hcl.TraverseRoot)
		e.word(tagTraversal)
		e.word(uint32(trav.SrcRange.Start.Byte))
		e.end(end)
		e.rng(root.SrcRange)
	} else {
		e.word(tagRelative)
		e.word(uint32(base.Range().Start.Byte))
		e.end(end)
		e.expr(base)
	}
	e.word(uint32(len(steps)))
	for i := len(steps) - 1; i >= 0; i-- {
		steps[i]()
	}
}

func (e *encoder) step(step hcl.Traverser) {
	switch s := step.(type) {
	case hcl.TraverseAttr:
		e.word(stepAttr)
		e.rng(s.SrcRange)
		e.word(uint32(s.SrcRange.End.Byte - len(s.Name)))
	case hcl.TraverseIndex:
		start, end := s.SrcRange.Start.Byte, s.SrcRange.End.Byte
		if e.src[start] == '.' {
			e.word(stepLegacy)
			e.rng(s.SrcRange)
			return
		}
		// `[key]` with a literal key: HCL keeps only the key's value, the model the key's expression.
		key, diags := hclsyntax.ParseExpression(e.src[start+1:end-1], "", hcl.Pos{Byte: start + 1, Line: 1, Column: 1})
		if diags.HasErrors() {
			e.setFail(fallbackIndexKey)
			return
		}
		e.word(stepIndex)
		e.rng(s.SrcRange)
		e.expr(key)
	default:
		e.setFail(fallbackExpression)
	}
}

// A template: its range and, for each interpolation, the range of its `${ ... }` and strip markers, then its
// expression. The literal text between them is read from the source by the decoder, as the tree-sitter converter
// reads it (convert-template.ts).
func (e *encoder) template(rng hcl.Range, parts []hclsyntax.Expression) {
	type interp struct {
		start, end int
		flags      uint32
		expr       hclsyntax.Expression
	}
	var interps []interp
	for _, part := range parts {
		r := part.Range()
		i := r.Start.Byte - 1
		for i >= 0 && isSpace(e.src[i]) {
			i--
		}
		var flags uint32
		if i >= 0 && e.src[i] == '~' {
			flags |= 1
			i--
		}
		if i < 1 || e.src[i] != '{' || e.src[i-1] != '$' {
			if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
				continue // literal text
			}
			e.setFail(fallbackInterpMarker)
			return
		}
		start := i - 1
		j := r.End.Byte
		for j < len(e.src) && isSpace(e.src[j]) {
			j++
		}
		if j < len(e.src) && e.src[j] == '~' {
			flags |= 2
			j++
		}
		if j >= len(e.src) || e.src[j] != '}' {
			e.setFail(fallbackInterpMarker)
			return
		}
		interps = append(interps, interp{start, j + 1, flags, part})
	}
	text := rng.Start.Byte
	for _, it := range interps {
		e.spans = append(e.spans, [2]int{text, it.start})
		text = it.end
	}
	e.spans = append(e.spans, [2]int{text, rng.End.Byte})
	e.word(tagTemplate)
	e.rng(rng)
	e.word(uint32(len(interps)))
	for _, it := range interps {
		e.word(uint32(it.start))
		e.word(uint32(it.end))
		e.word(it.flags)
		e.expr(it.expr)
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// Whether `%{` occurs other than as the escape `%%{` (anywhere: in a comment too, which only costs the fast path).
func hasDirective(src []byte) bool {
	for i := bytes.Index(src, []byte("%{")); i >= 0; {
		if i == 0 || src[i-1] != '%' {
			return true
		}
		next := bytes.Index(src[i+2:], []byte("%{"))
		if next < 0 {
			return false
		}
		i += 2 + next
	}
	return false
}
