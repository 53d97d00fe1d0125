namespace WasteIoT.Cloud.Tests.Registry;

/// <summary>A hand-written county in the registry's CSV files, in import order.</summary>
internal static class SmallCounty
{
    public static readonly (string Kind, string Csv)[] Files =
    [
        ("contractors", "id,name,phone\r\nc-green,\"绿洁环境服务有限公司, 城东\",0571-8800\r\nc-blue,蓝天环卫,\r\n"),
        ("badges", "id,name,role,contractor\nb-001,王芳,cleaner,c-green\nb-002,李强,cleaner,c-green\nb-101,赵师傅,crew,c-green\n"),
        ("trucks", "plate,contractor,devices,nodeCustody,vehicle,card,ratedLoadKg\n浙A·D1234,c-green,truck-07,contractor,collection,,\n浙A·D5678,c-blue,truck-08,contractor,collection,,\n"),
        ("households", "id,address,building,lat,lon,tag\nh-001,城关镇幸福路1号,1幢,30.2741,120.1551,TAG-0001\nh-002,城关镇幸福路3号,1幢,30.2745,120.1556,TAG-0002\nh-003,城关镇幸福路5号,2幢,30.275,120.156,TAG-0003\n"),
        ("routes", "id,name,contractor,truck,serviceDays,households,starts,ends\nr-east,城东线,c-green,浙A·D1234,daily,h-001;h-002;h-003,06:00,18:00\n"),
        ("sites", "id,kind,name,contractor,lat,lon,toiletClass,opens,closes,cleaners,devices,nodeCustody,ratedTonnes\nt-01,toilet,人民公园公厕,c-green,30.28,120.16,II,06:00,22:00,b-001;b-002,site-t01,contractor,\nts-01,transferStation,城东转运站,c-green,30.29,120.17,,05:00,20:00,,site-ts01,contractor,\n"),
        ("bins", "id,name,contractor,lat,lon,depthMm,capacityL,wasteKind,device,site,nodeCustody\nbin-a,幸福路口,c-green,30.2742,120.1552,1100,240,residual,bin-0001,,bureau\nbin-ts,转运站压缩箱,c-green,30.29,120.17,2000,8000,residual,bin-0900,ts-01,contractor\n"),
        ("ponds", "id,name,contractor,device,alarmVolumeM3,stageVolume,nodeCustody,treatmentDevice\np-01,渗滤液调节池,c-green,pond-01,10000,0:0;2:4000;4:9000;5:12000,bureau,\n"),
        ("roads", "id,name,contractor,class,path,work\nrd-01,幸福路,c-green,main,30.2741:120.1551;30.275:120.156;30.276:120.157,sweep@05:00-07:00;sweep@14:00-16:00;sprinkle*3@06:00-20:00\n"),
    ];
}
