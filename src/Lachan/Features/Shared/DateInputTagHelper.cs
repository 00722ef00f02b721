using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lachan.Features.Shared;

/// <summary>The one date control of the app: <c>&lt;input date-field name="…" value="…" /&gt;</c> becomes a text field
/// showing dd/MM/yyyy in every browser (a native date picker shows the browser's own format, mm/dd/yyyy in an English
/// browser), with a numeric keypad on phones; <see cref="DateOnlyBinder"/> and <see cref="Dates"/> read it.
/// <c>date-field="@false"</c> leaves an input as it is, for field lists that mix dates with other fields.</summary>
[HtmlTargetElement("input", Attributes = Attribute, TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    private const string Attribute = "date-field";

    /// <summary>A <see cref="DateOnly"/> shown as dd/MM/yyyy; a string (what the user typed) shown as it is.</summary>
    [HtmlAttributeName("date-value")]
    public object? DateValue { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var on = context.AllAttributes[Attribute]?.Value is not (false or "False" or "false");
        output.Attributes.RemoveAll(Attribute);
        if (DateValue is not null)
            output.Attributes.SetAttribute("value", DateValue switch { DateOnly d => UiText.Date(d), var v => v.ToString() });
        if (!on) return;
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("pattern", @"\d{1,2}/\d{1,2}/\d{4}");
        output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("maxlength", "10");
        output.AddClass("date", System.Text.Encodings.Web.HtmlEncoder.Default);
    }
}
