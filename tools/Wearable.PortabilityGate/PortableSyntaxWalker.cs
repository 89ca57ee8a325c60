using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Wearable.PortabilityGate;

/// <summary>
/// Finds the constructs that compiling against the nanoFramework surface cannot catch on its own
/// (or would only report as a confusing missing-type error): each is reported with its own rule.
/// </summary>
internal sealed class PortableSyntaxWalker : CSharpSyntaxWalker
{
    private static readonly HashSet<string> s_floatingTypeNames = new(StringComparer.Ordinal) { "Single", "Double", "Decimal", "Half" };
    private static readonly HashSet<string> s_mathTypeNames = new(StringComparer.Ordinal) { "Math", "MathF" };

    private readonly string _path;
    private readonly List<GateViolation> _violations;

    public PortableSyntaxWalker(string path, List<GateViolation> violations)
        : base(SyntaxWalkerDepth.Token)
    {
        _path = path;
        _violations = violations;
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        Report(node, GateRules.Generics, GateRules.GenericsAdvice);
        base.VisitGenericName(node);
    }

    public override void VisitTypeParameterList(TypeParameterListSyntax node)
    {
        Report(node, GateRules.Generics, GateRules.GenericsAdvice);
        base.VisitTypeParameterList(node);
    }

    public override void VisitPointerType(PointerTypeSyntax node)
    {
        Report(node, GateRules.UnsafeCode, GateRules.UnsafeAdvice);
        base.VisitPointerType(node);
    }

    public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node)
    {
        Report(node, GateRules.UnsafeCode, GateRules.UnsafeAdvice);
        base.VisitFunctionPointerType(node);
    }

    public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddressOfExpression) || node.IsKind(SyntaxKind.PointerIndirectionExpression))
        {
            Report(node, GateRules.UnsafeCode, GateRules.UnsafeAdvice);
        }

        base.VisitPrefixUnaryExpression(node);
    }

    public override void VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
    {
        if (node.Rank > 1)
        {
            Report(node, GateRules.MultidimensionalArray, GateRules.MultidimensionalArrayAdvice);
        }

        base.VisitArrayRankSpecifier(node);
    }

    public override void VisitQueryExpression(QueryExpressionSyntax node)
    {
        Report(node, GateRules.Linq, GateRules.LinqAdvice);
        base.VisitQueryExpression(node);
    }

    public override void VisitUsingDirective(UsingDirectiveSyntax node)
    {
        string name = node.NamespaceOrType.ToString();
        if (name == "System.Linq" || name.StartsWith("System.Linq.", StringComparison.Ordinal))
        {
            Report(node, GateRules.Linq, GateRules.LinqAdvice);
        }
        else if (name == "System.Math" || name == "System.MathF")
        {
            Report(node, GateRules.SystemMath, GateRules.SystemMathAdvice);
        }

        base.VisitUsingDirective(node);
    }

    public override void VisitCheckedExpression(CheckedExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.CheckedExpression))
        {
            Report(node, GateRules.Checked, GateRules.CheckedAdvice);
        }

        base.VisitCheckedExpression(node);
    }

    public override void VisitCheckedStatement(CheckedStatementSyntax node)
    {
        if (node.IsKind(SyntaxKind.CheckedStatement))
        {
            Report(node, GateRules.Checked, GateRules.CheckedAdvice);
        }

        base.VisitCheckedStatement(node);
    }

    public override void VisitAwaitExpression(AwaitExpressionSyntax node)
    {
        Report(node, GateRules.AsyncAwait, GateRules.AsyncAwaitAdvice);
        base.VisitAwaitExpression(node);
    }

    public override void VisitTupleType(TupleTypeSyntax node)
    {
        Report(node, GateRules.Tuple, GateRules.TupleAdvice);
        base.VisitTupleType(node);
    }

    public override void VisitTupleExpression(TupleExpressionSyntax node)
    {
        Report(node, GateRules.Tuple, GateRules.TupleAdvice);
        base.VisitTupleExpression(node);
    }

    public override void VisitParenthesizedVariableDesignation(ParenthesizedVariableDesignationSyntax node)
    {
        Report(node, GateRules.Tuple, GateRules.TupleAdvice);
        base.VisitParenthesizedVariableDesignation(node);
    }

    public override void VisitInterpolatedStringExpression(InterpolatedStringExpressionSyntax node)
    {
        Report(node, GateRules.StringInterpolation, GateRules.StringInterpolationAdvice);
        base.VisitInterpolatedStringExpression(node);
    }

    public override void VisitPredefinedType(PredefinedTypeSyntax node)
    {
        if (node.Keyword.IsKind(SyntaxKind.FloatKeyword) || node.Keyword.IsKind(SyntaxKind.DoubleKeyword) || node.Keyword.IsKind(SyntaxKind.DecimalKeyword))
        {
            Report(node, GateRules.FloatingPoint, GateRules.FloatingPointAdvice);
        }

        base.VisitPredefinedType(node);
    }

    public override void VisitLiteralExpression(LiteralExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.NumericLiteralExpression) && node.Token.Value is float or double or decimal)
        {
            Report(node, GateRules.FloatingPoint, GateRules.FloatingPointAdvice);
        }

        base.VisitLiteralExpression(node);
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        string text = node.Identifier.ValueText;
        bool namesAType = SyntaxFacts.IsInTypeOnlyContext(node) || IsTypeOfMemberAccess(node) || IsRightOfSystemQualifier(node);
        if (text == "dynamic" && (SyntaxFacts.IsInTypeOnlyContext(node) || IsDeclaredType(node)))
        {
            Report(node, GateRules.Dynamic, GateRules.DynamicAdvice);
        }
        else if (s_floatingTypeNames.Contains(text) && (namesAType || IsDeclaredType(node)))
        {
            Report(node, GateRules.FloatingPoint, GateRules.FloatingPointAdvice);
        }
        else if (s_mathTypeNames.Contains(text) && namesAType)
        {
            Report(node, GateRules.SystemMath, GateRules.SystemMathAdvice);
        }

        base.VisitIdentifierName(node);
    }

    public override void VisitToken(SyntaxToken token)
    {
        switch (token.Kind())
        {
            case SyntaxKind.UnsafeKeyword:
            case SyntaxKind.FixedKeyword:
            case SyntaxKind.MinusGreaterThanToken:
                Report(token, GateRules.UnsafeCode, GateRules.UnsafeAdvice);
                break;
            case SyntaxKind.StackAllocKeyword:
                Report(token, GateRules.UnsafeCode, GateRules.StackAllocAdvice);
                break;
            case SyntaxKind.AsyncKeyword:
                Report(token, GateRules.AsyncAwait, GateRules.AsyncAwaitAdvice);
                break;
        }

        base.VisitToken(token);
    }

    // `Math.Abs(x)`, `double.MaxValue` written as `Double.MaxValue`: the identifier is the receiver of a member access.
    private static bool IsTypeOfMemberAccess(IdentifierNameSyntax node) =>
        node.Parent is MemberAccessExpressionSyntax access && access.Expression == node;

    // `System.Math.Sqrt`, `System.Double`: the identifier follows a `System.` qualifier.
    private static bool IsRightOfSystemQualifier(IdentifierNameSyntax node) =>
        (node.Parent is MemberAccessExpressionSyntax access && access.Name == node && access.Expression.ToString() is "System" or "global::System")
        || (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node && qualified.Left.ToString() is "System" or "global::System");

    // `dynamic x = ...;` / `Double x;`: the declared type of a local or field.
    private static bool IsDeclaredType(IdentifierNameSyntax node) =>
        node.Parent is VariableDeclarationSyntax declaration && declaration.Type == node;

    private void Report(SyntaxNode node, string rule, string advice) => Report(node.GetLocation(), rule, advice);

    private void Report(SyntaxToken token, string rule, string advice) => Report(token.GetLocation(), rule, advice);

    private void Report(Location location, string rule, string advice)
    {
        int line = location.GetLineSpan().StartLinePosition.Line + 1;
        _violations.Add(new GateViolation(_path, line, rule, advice));
    }
}
