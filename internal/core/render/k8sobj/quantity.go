package k8sobj

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// CanonicalQuantity returns q as kube-apiserver writes it back. Built-in
// kinds store quantities as resource.Quantity, so "2.5" comes back as
// "2500m", "4000m" as "4", "1000" as "1k" and "1.5Gi" as "1536Mi";
// hashicorp/kubernetes kubernetes_manifest then reports "inconsistent
// result after apply" for a quantity rendered any other way. Custom
// resources keep the string as sent, so this is only for built-in kinds.
// ok is false (and q is returned as is) when q is not a quantity.
//
// The rules are those of k8s.io/apimachinery resource.Quantity: the value
// is rounded up to a multiple of 1n; binary-suffixed values of at least
// 1024 that are whole numbers are written with the largest power-of-1024
// suffix that divides them, everything else as an integer mantissa with
// the largest power-of-1000 SI suffix (or e<n> exponent) that keeps it whole.
func CanonicalQuantity(q string) (canonical string, ok bool) {
	m := quantityGrammar.FindStringSubmatch(q)
	if m == nil {
		return q, false
	}
	neg := m[1] == "-"
	whole, frac, suffix := m[2], strings.TrimPrefix(m[3], "."), m[4]
	mant, good := new(big.Int).SetString(whole+frac, 10)
	if whole+frac == "" || !good {
		return q, false
	}
	scale := -len(frac) // value = mant * 10^scale
	binary, exponentForm := false, false
	switch {
	case strings.HasSuffix(suffix, "i"):
		binary = true
		mant.Lsh(mant, uint(10*(1+strings.Index("KMGTPE", suffix[:1]))))
	case strings.HasPrefix(suffix, "e") || (strings.HasPrefix(suffix, "E") && len(suffix) > 1):
		exp, err := strconv.Atoi(suffix[1:])
		if err != nil || exp > 1000 || exp < -1000 {
			return q, false
		}
		exponentForm = true
		scale += exp
	default:
		scale += decimalSuffixes[suffix]
	}
	// Round up (away from zero) to whole nanos, as the API server does.
	if scale < -9 {
		div := pow10(-9 - scale)
		var rem big.Int
		mant.QuoRem(mant, div, &rem)
		if rem.Sign() != 0 {
			mant.Add(mant, big.NewInt(1))
		}
		scale = -9
	}
	if mant.Sign() == 0 {
		return "0", true
	}
	sign := ""
	if neg {
		sign = "-"
	}
	if binary {
		if s, whole := binaryCanonical(mant, scale); whole {
			return sign + s, true
		}
	}
	// Strip factors of ten, then step down to a multiple of three.
	ten, r := big.NewInt(10), new(big.Int)
	for {
		qt, rem := new(big.Int).QuoRem(mant, ten, r)
		if rem.Sign() != 0 {
			break
		}
		mant, scale = qt, scale+1
	}
	if k := ((scale % 3) + 3) % 3; k != 0 {
		mant.Mul(mant, pow10(k))
		scale -= k
	}
	out := sign + mant.String()
	if exponentForm {
		if scale != 0 {
			out += "e" + strconv.Itoa(scale)
		}
		return out, true
	}
	if s, known := decimalSuffixFor[scale]; known {
		return out + s, true
	}
	return out + "e" + strconv.Itoa(scale), true
}

// binaryCanonical writes mant*10^scale bytes with a Ki..Ei suffix when it is
// a whole number of at least 1024; whole is false otherwise (the API server
// then falls back to decimal SI).
func binaryCanonical(mant *big.Int, scale int) (s string, whole bool) {
	n := new(big.Int).Set(mant)
	if scale < 0 {
		var rem big.Int
		n.QuoRem(n, pow10(-scale), &rem)
		if rem.Sign() != 0 {
			return "", false
		}
	} else {
		n.Mul(n, pow10(scale))
	}
	if n.CmpAbs(big.NewInt(1024)) < 0 {
		return "", false
	}
	k := 0
	for k < 6 && n.Bit(0) == 0 && new(big.Int).And(n, big.NewInt(1023)).Sign() == 0 {
		n.Rsh(n, 10)
		k++
	}
	return n.String() + []string{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"}[k], true
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// quantityGrammar: sign, digits, fraction, suffix (binary, decimal SI or an
// integer exponent), as resource.ParseQuantity reads them.
var quantityGrammar = regexp.MustCompile(`^([+-]?)([0-9]*)(\.[0-9]*)?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$`)

var decimalSuffixes = map[string]int{"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}

var decimalSuffixFor = map[int]string{-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"}
