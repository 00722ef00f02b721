using Lachan.Features.Shared;

namespace Lachan.Features.Rosters;

/// <summary>The columns a roster may have. Only CCCD and name are required; the rest enrich the record.</summary>
public enum RosterField
{
    Stt, FullName, DateOfBirth, Sex, Cccd, Cmnd, Bhxh, Phone, PermanentAddress, Lodging, HiredOn, ContractType, Workshop,
}

/// <summary>The header texts real employers use for each field, compared without diacritics, case or punctuation.</summary>
public static class RosterHeaders
{
    private static readonly (RosterField Field, string[] Names)[] Synonyms =
    [
        (RosterField.Stt, ["stt", "tt", "so thu tu", "no"]),
        (RosterField.FullName, ["ho va ten", "ho ten", "ten nld", "ten nguoi lao dong", "ho va ten nguoi lao dong", "ho ten nld", "full name", "name"]),
        (RosterField.DateOfBirth, ["ngay sinh", "ngay thang nam sinh", "ngay thang nam sinh nld", "nam sinh", "date of birth", "dob"]),
        (RosterField.Sex, ["gioi tinh", "nam nu", "nam/nu", "sex", "gender"]),
        (RosterField.Cccd, ["so cccd", "cccd", "cccd/cmnd", "so cccd/cmnd", "so dinh danh", "so dinh danh ca nhan", "cmnd/cccd", "so cmnd/cccd", "can cuoc cong dan", "citizen id"]),
        (RosterField.Cmnd, ["so cmnd", "cmnd", "chung minh nhan dan"]),
        (RosterField.Bhxh, ["ma so bhxh", "so so bhxh", "ma bhxh", "so bhxh", "social insurance number"]),
        (RosterField.Phone, ["so dien thoai", "dien thoai", "sdt", "so dt", "phone"]),
        (RosterField.PermanentAddress, ["que quan", "noi thuong tru", "dia chi thuong tru", "ho khau thuong tru", "permanent address"]),
        (RosterField.Lodging, ["noi o hien tai", "dia chi tam tru", "noi tam tru", "nha tro", "cho o hien nay", "current address", "lodging"]),
        (RosterField.HiredOn, ["ngay vao lam", "ngay bat dau lam viec", "ngay vao cong ty", "ngay ky hdld", "hired on"]),
        (RosterField.ContractType, ["loai hdld", "loai hop dong", "hdld", "loai hop dong lao dong", "contract"]),
        (RosterField.Workshop, ["bo phan", "xuong", "chuyen", "to/chuyen", "phong ban", "bo phan/chuyen", "workshop"]),
    ];

    private static readonly HeaderNames<RosterField> Names = new(Synonyms);

    public static RosterField? Recognise(string? header) => Names.Recognise(header);
}
