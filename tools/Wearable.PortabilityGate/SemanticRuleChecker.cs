using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Wearable.PortabilityGate;

/// <summary>
/// The rules that need types, not just syntax: a signed division the interpreter could see as
/// int.MinValue / -1, and an array initializer too large for the device to fill.
/// </summary>
internal static class SemanticRuleChecker
{
    /// <summary>The comment that vouches for a division whose divisor is validated away from here.</summary>
    public const string DivisionProofMarker = "safe division:";

    public static void Check(SemanticModel model, string path, List<GateViolation> violations)
    {
        SyntaxNode root = model.SyntaxTree.GetRoot();
        foreach (SyntaxNode node in root.DescendantNodes())
        {
            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.DivideExpression) || binary.IsKind(SyntaxKind.ModuloExpression):
                    CheckDivision(model, binary, binary.Left, binary.Right, path, violations);
                    break;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.DivideAssignmentExpression) || assignment.IsKind(SyntaxKind.ModuloAssignmentExpression):
                    CheckDivision(model, assignment, assignment.Left, assignment.Right, path, violations);
                    break;
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression):
                    CheckArrayLiteral(model, initializer, path, violations);
                    break;
            }
        }
    }

    private static void CheckDivision(SemanticModel model, ExpressionSyntax operation, ExpressionSyntax dividend, ExpressionSyntax divisor, string path, List<GateViolation> violations)
    {
        ITypeSymbol? type = operation is AssignmentExpressionSyntax ? model.GetTypeInfo(dividend).Type : model.GetTypeInfo(operation).Type;
        SpecialType operationType = type?.SpecialType ?? SpecialType.None;
        if (operationType != SpecialType.System_Int32 && operationType != SpecialType.System_Int64)
        {
            return;
        }

        if (CannotBeMinusOne(model, divisor, operation) || CannotBeMinValue(model, dividend, operationType, operation) || IsVouchedFor(operation))
        {
            return;
        }

        Report(operation, path, GateRules.UnguardedDivision, GateRules.UnguardedDivisionAdvice, violations);
    }

    // Where the proof lives elsewhere (a parameters class that validates the value), the line says so:
    // `// safe division: <why MinValue / -1 cannot occur>` on the division's line or the line above, for a reviewer to check.
    private static bool IsVouchedFor(SyntaxNode operation)
    {
        SourceText text = operation.SyntaxTree.GetText();
        int line = text.Lines.GetLineFromPosition(operation.SpanStart).LineNumber;
        for (int l = Math.Max(0, line - 1); l <= line; l++)
        {
            string content = text.Lines[l].ToString();
            int comment = content.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0 && content.IndexOf(DivisionProofMarker, comment, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CannotBeMinusOne(SemanticModel model, ExpressionSyntax divisor, SyntaxNode operation)
    {
        Optional<object?> constant = model.GetConstantValue(divisor);
        if (constant.HasValue)
        {
            return !IsMinusOne(constant.Value);
        }

        ExpressionSyntax bare = Unparenthesize(divisor);
        if (IsUnsigned(model.GetTypeInfo(bare).Type))
        {
            return true;
        }

        // Shapes that are never -1: a length, a power of two from a positive shift, a value masked non-negative.
        if (bare is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" })
        {
            return true;
        }

        if (bare is BinaryExpressionSyntax shift && shift.IsKind(SyntaxKind.LeftShiftExpression) && IsPositiveConstant(model, shift.Left))
        {
            return true;
        }

        // -1 is a multiple of nothing but +-1.
        if (bare is BinaryExpressionSyntax product && product.IsKind(SyntaxKind.MultiplyExpression)
            && (IsConstantOtherThanUnit(model, product.Left) || IsConstantOtherThanUnit(model, product.Right)))
        {
            return true;
        }

        if (bare is BinaryExpressionSyntax mask && mask.IsKind(SyntaxKind.BitwiseAndExpression)
            && (IsNonNegativeConstant(model, mask.Left) || IsNonNegativeConstant(model, mask.Right)))
        {
            return true;
        }

        return IsComparedWithConstant(model, bare, operation);
    }

    private static bool CannotBeMinValue(SemanticModel model, ExpressionSyntax dividend, SpecialType operationType, SyntaxNode operation)
    {
        Optional<object?> constant = model.GetConstantValue(dividend);
        if (constant.HasValue)
        {
            return !(constant.Value is int i && i == int.MinValue) && !(constant.Value is long l && l == long.MinValue);
        }

        // A narrower operand widened to the operation's type cannot be that type's minimum.
        ITypeSymbol? own = model.GetTypeInfo(Unparenthesize(dividend)).Type;
        if (own is not null && Width(own.SpecialType) < Width(operationType))
        {
            return true;
        }

        return IsComparedWithConstant(model, Unparenthesize(dividend), operation);
    }

    // True when the expression's symbol is compared with a constant before the division in the same member,
    // or (for a field or property) anywhere in a constructor of its type: that is where a guard lives.
    private static bool IsComparedWithConstant(SemanticModel model, ExpressionSyntax expression, SyntaxNode operation)
    {
        ISymbol? symbol = model.GetSymbolInfo(expression).Symbol;
        if (symbol is null || symbol.Kind is not (SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.Property))
        {
            return false;
        }

        SyntaxNode? member = operation.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax);
        if (member is not null && HasComparison(model, member, symbol, operation.SpanStart))
        {
            return true;
        }

        if (symbol.Kind is SymbolKind.Field or SymbolKind.Property)
        {
            TypeDeclarationSyntax? type = operation.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (type is not null)
            {
                foreach (ConstructorDeclarationSyntax constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
                {
                    if (HasComparison(model, constructor, symbol, int.MaxValue))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool HasComparison(SemanticModel model, SyntaxNode scope, ISymbol symbol, int before)
    {
        foreach (BinaryExpressionSyntax comparison in scope.DescendantNodes().OfType<BinaryExpressionSyntax>())
        {
            if (comparison.SpanStart >= before || !IsComparison(comparison))
            {
                continue;
            }

            if ((Binds(model, comparison.Left, symbol) && model.GetConstantValue(comparison.Right).HasValue)
                || (Binds(model, comparison.Right, symbol) && model.GetConstantValue(comparison.Left).HasValue))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Binds(SemanticModel model, ExpressionSyntax expression, ISymbol symbol)
    {
        // Guards in constructors usually test the parameter the field is assigned from; match by name too.
        ISymbol? bound = model.GetSymbolInfo(Unparenthesize(expression)).Symbol;
        if (bound is null)
        {
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(bound, symbol) || string.Equals(bound.Name.TrimStart('_'), symbol.Name.TrimStart('_'), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsComparison(BinaryExpressionSyntax node) =>
        node.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
            or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression;

    private static void CheckArrayLiteral(SemanticModel model, InitializerExpressionSyntax initializer, string path, List<GateViolation> violations)
    {
        // `new byte[] { .. }` types the creation; `byte[] x = { .. }` types the initializer itself.
        ITypeSymbol? type = initializer.Parent is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
            ? model.GetTypeInfo(initializer.Parent).Type
            : model.GetTypeInfo(initializer).ConvertedType;
        if (type is not IArrayTypeSymbol array)
        {
            return;
        }

        int elementBytes = Width(array.ElementType.SpecialType);
        long bytes = (long)initializer.Expressions.Count * elementBytes;
        if (elementBytes > 0 && bytes > GateRules.MaxArrayLiteralBytes)
        {
            Report(initializer, path, GateRules.LargeArrayLiteral, GateRules.LargeArrayLiteralAdvice, violations);
        }
    }

    private static int Width(SpecialType type) => type switch
    {
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Boolean => 1,
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
        SpecialType.System_Int64 or SpecialType.System_UInt64 => 8,
        _ => 0,
    };

    private static bool IsUnsigned(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_Char or SpecialType.System_UInt32 or SpecialType.System_UInt64;

    private static bool IsMinusOne(object? value) => value is int i ? i == -1 : value is long l && l == -1;

    private static bool IsPositiveConstant(SemanticModel model, ExpressionSyntax expression) =>
        model.GetConstantValue(expression) is { HasValue: true } c && (c.Value is int i ? i > 0 : c.Value is long l && l > 0);

    private static bool IsConstantOtherThanUnit(SemanticModel model, ExpressionSyntax expression) =>
        model.GetConstantValue(expression) is { HasValue: true } c && (c.Value is int i ? i != 1 && i != -1 : c.Value is long l && l != 1 && l != -1);

    private static bool IsNonNegativeConstant(SemanticModel model, ExpressionSyntax expression) =>
        model.GetConstantValue(expression) is { HasValue: true } c && (c.Value is int i ? i >= 0 : c.Value is long l && l >= 0);

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static void Report(SyntaxNode node, string path, string rule, string advice, List<GateViolation> violations)
    {
        int line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        violations.Add(new GateViolation(path, line, rule, advice));
    }
}
