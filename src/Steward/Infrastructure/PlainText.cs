using System.ComponentModel.DataAnnotations;

namespace Steward.Infrastructure;

/// <summary>
/// Text without control characters: a name, a reference or a link never means one, and PostgreSQL refuses NUL in
/// text. Multi-line text (a post, a reason) keeps its line breaks and tabs.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class PlainTextAttribute(bool multiLine = false) : ValidationAttribute
{
    public bool MultiLine { get; } = multiLine;

    public override bool IsValid(object? value) => value is not string s || PlainText.IsValid(s, MultiLine);

    public override string FormatErrorMessage(string name) => MultiLine
        ? $"{name} contains control characters (only line breaks and tabs are allowed)."
        : $"{name} contains control characters.";
}

public static class PlainText
{
    public static bool IsValid(string text, bool multiLine = false) =>
        !text.AsSpan().ContainsAny(multiLine ? MultiLineControls : Controls);

    /// <summary>C0, DEL and C1: what <see cref="char.IsControl(char)"/> calls control characters.</summary>
    static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(char.IsControl).ToArray());

    static readonly System.Buffers.SearchValues<char> MultiLineControls = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')).ToArray());
}
