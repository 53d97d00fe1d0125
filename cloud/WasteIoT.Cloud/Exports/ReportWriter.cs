using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Exports;

/// <summary>Writes a report as CSV (UTF-8 with BOM, for Excel) or XLSX (ClosedXML), instants in the county's time.</summary>
public static class ReportWriter
{
    public static byte[] Csv(ReportTable table, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write('\uFEFF');
        Registry.Csv.WriteRow(text, table.Headers);
        foreach (var row in table.Rows)
        {
            Registry.Csv.WriteRow(text, row.Select(c => c switch
            {
                null => string.Empty,
                DateTimeOffset at => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                double d => d.ToString("0.###", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => c.ToString(),
            }));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Xlsx(ReportTable table, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(table.Name.Length > 31 ? table.Name[..31] : table.Name);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = table.Headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (table.Rows[r][c])
                {
                    case null:
                        break;
                    case DateTimeOffset at:
                        cell.Value = TimeZoneInfo.ConvertTime(at, zone).DateTime;
                        cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm:ss";
                        break;
                    case double d:
                        cell.Value = d;
                        break;
                    case int i:
                        cell.Value = i;
                        break;
                    case long l:
                        cell.Value = l;
                        break;
                    case var other:
                        // Text is set as text: a household id like 1-2 or a tag like 1E5 must not become a date or a number.
                        cell.SetValue(Registry.Csv.Neutralize(other.ToString() ?? string.Empty));
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

}
