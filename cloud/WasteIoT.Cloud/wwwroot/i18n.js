// Simplified Chinese first; English on a switch (kept in localStorage).
const I18n = (() => {
  const text = {
    zh: {
      odourCurves: '气味曲线（氨气、硫化氢）', play: '播放', pause: '暂停', newCase: '新案件', through: '至', issuedBy: '发布单位', period: '考核期', item: '考核项目', figure: '结果', basis: '依据',
      basisCoverage: '仅计已核实的住户日（设备全程在线）；另有 {n} 户日无法核实，不计入', basisViolations: '车辆行驶中篷盖打开且设备记录完整的次数',
      basisClearance: '仅计已核实的桶日；另有 {n} 桶日无法核实，不计入', basisToilets: '已核实 {v} 个公厕日中保洁不足 6 次的天数；{n} 个公厕日无法核实',
      basisOdour: '气体连续超过限值至少 10 分钟的时段（单次读数不计）', signBureau: '考核单位', signContractor: '作业单位确认', seal: '盖章',
      gateways: '网关（当前）', gateway: '网关', gatewaysBehind: '网关滞后或离线', devices: '设备数', state: '状态', backlog: '待上传', store: '本地存储', neverReported: '从未上报', offlineSince: '离线，自', silentSince: '无上报，自', connected: '在线', upToDate: '无积压', thinned: '已抽稀轨迹点',
      pickDate: '选择日期', badDate: '请按 2026-11-26 的格式输入日期', previousDay: '前一天', nextDay: '后一天', previousMonth: '上个月', nextMonth: '下个月',
      missedOnMap: '漏收住户（地图）', notDue: '当日无此线路的收运任务',
      health: '数据健康', received: '收到消息', missingMessages: '缺失消息', gaps: '序号缺口', silence: '静默时长', outages: '中断', lost: '丢失', dropped: '设备缓存溢出', verified: '可核实', station: '转运站',
      coverOpen: '篷盖打开', coverClosed: '篷盖关闭', coverUnknown: '篷盖未知', scanDot: '扫码', all: '全部', from: '起', to: '止', total: '共', due: '期限', overdue: '已超期', history: '处理记录', sendBack: '退回', confirm: '确定', cancel: '取消',
      bureauMaintainer: '局设备维护', error400: '输入有误，请检查后重试', error403: '无权执行此操作', error404: '未找到', error409: '当前状态不允许此操作（请填写说明或刷新后重试）',
      error429: '请求过于频繁，请稍后再试', errorOther: '服务暂时不可用，请稍后再试',
      case_sealedTransport: '密闭运输', case_coverage: '漏收', case_clearance: '日产日清', case_toiletCleaning: '公厕保洁', case_toiletOdour: '公厕异味',
      case_stationOdour: '转运站臭气', case_stationDisinfection: '转运站消杀', case_pondAlarm: '渗滤液池', case_nodeSilent: '设备静默',
      brand: '环卫作业监管', logout: '退出', username: '用户名', password: '密码', signIn: '登录',
      loginFailed: '用户名或密码错误', locked: '失败次数过多，账户已锁定 15 分钟',
      overview: '今日概览', live: '实时车辆', replay: '轨迹回放', routes: '线路进度', bins: '垃圾桶', toilets: '公厕考核',
      cases: '案件', scorecard: '月度考核', crew: '今日线路', users: '用户',
      coverage: '上门收运覆盖率', violations: '密闭运输违规', cleared: '日产日清', toiletsUnder: '公厕保洁不足 6 次',
      updated: '更新于', noDataYet: '该日暂无设备数据：以下为零不表示违规。', odour: '异味超标时段', pond: '渗滤液池', noData: '无数据', notCleared: '未清运', served: '已收', scheduled: '应收',
      missed: '漏收', left: '待收', household: '住户', address: '地址', truck: '车辆', route: '线路', date: '日期',
      speed: '速度', cover: '篷盖', open: '打开', closed: '关闭', unknown: '未知', time: '时间', level: '满溢度',
      pickup: '待清运（按紧急度）', toilet: '公厕', cleanings: '保洁次数', longestGap: '最长间隔', assigned: '定人保洁',
      exceedances: '超标时段（超标读数）', readingsOver: '超过限值的 5 分钟读数', minutes: '分钟', peakValue: '峰值', limit: '限值', status: '状态', title: '事项', contractor: '作业单位', filed: '立案', dispatched: '派遣',
      resolved: '处置', closedCase: '结案', dispatch: '派遣', resolve: '处置完成', close: '结案', assignee: '处置人', note: '说明',
      month: '月份', filedCount: '立案数', completion: '处置率', closure: '结案率', onTime: '按期处置率',
      exportCsv: '导出 CSV', exportXlsx: '导出 Excel', print: '打印月报', show: '查看', km: '公里', peak: '最高时速',
      start: '开始', end: '结束', nothing: '暂无', volume: '容积', alarm: '警戒', daysLeft: '预计到警戒天数',
      nh3: '氨气', h2s: '硫化氢', silent: '篷盖传感器无信号', far: '扫码位置偏离', report: '月度报告', daysKept: '已核算天数',
      verdict: '结论', ok: '达标', violation: '违规', shortfall: '未达标', unverified: '无法核实', heard: '监测覆盖',
      unheard: '设备未监测到（不计为违规）', silentNodes: '设备静默', unverifiedHouseholds: '无法核实住户', kind: '类别', bin: '垃圾桶',
    },
    en: {
      odourCurves: 'Odour curves (NH₃, H₂S)', play: 'Play', pause: 'Pause', newCase: 'New case', through: 'to', issuedBy: 'Issued by', period: 'Period', item: 'Item', figure: 'Figure', basis: 'Basis',
      basisCoverage: 'Verified household-days only (node heard throughout); {n} more could not be verified and are not counted', basisViolations: 'Cover open while driving, with the node heard',
      basisClearance: 'Verified bin-days only; {n} more could not be verified and are not counted', basisToilets: 'Days under 6 cleanings among {v} verified toilet-days; {n} toilet-days unverified',
      basisOdour: 'Stretches of a gas over its limit for at least 10 minutes (single readings do not count)', signBureau: 'For the bureau', signContractor: 'Acknowledged by the contractor', seal: 'seal',
      health: 'Data health', received: 'Messages received', missingMessages: 'Messages missing', gaps: 'Sequence gaps', silence: 'Silent', outages: 'Outages', lost: 'Lost', dropped: 'Flash log overflow', verified: 'verified', station: 'Transfer station',
      coverOpen: 'Cover open', coverClosed: 'Cover closed', coverUnknown: 'Cover unknown', scanDot: 'Pickup scan', all: 'All', from: 'From', to: 'To', total: 'Total', due: 'Due', overdue: 'Overdue', history: 'History', sendBack: 'Send back', confirm: 'Confirm', cancel: 'Cancel',
      gateways: 'Gateways (now)', gateway: 'Gateway', gatewaysBehind: 'Gateways behind or offline', devices: 'Devices', state: 'State', backlog: 'Waiting to upload', store: 'Local store', neverReported: 'Never reported', offlineSince: 'Offline since', silentSince: 'No report since', connected: 'Connected', upToDate: 'Up to date', thinned: 'positions thinned',
      pickDate: 'Pick a date', badDate: 'Enter the date as 2026-11-26', previousDay: 'Previous day', nextDay: 'Next day', previousMonth: 'Previous month', nextMonth: 'Next month',
      missedOnMap: 'Missed households on the map', notDue: 'Not due on this day',
      bureauMaintainer: 'Bureau maintenance', error400: 'Invalid input', error403: 'Not allowed', error404: 'Not found', error409: 'Not possible in the case\'s present state',
      error429: 'Too many requests; try again shortly', errorOther: 'The service is unavailable; try again shortly',
      case_sealedTransport: 'Sealed transport', case_coverage: 'Missed households', case_clearance: 'Daily clearance', case_toiletCleaning: 'Toilet cleaning', case_toiletOdour: 'Toilet odour',
      case_stationOdour: 'Station odour', case_stationDisinfection: 'Station disinfection', case_pondAlarm: 'Leachate pond', case_nodeSilent: 'Silent node',
      brand: 'Sanitation oversight', logout: 'Sign out', username: 'User name', password: 'Password', signIn: 'Sign in',
      loginFailed: 'Wrong user name or password', locked: 'Too many failures: the account is locked for 15 minutes',
      overview: 'Today', live: 'Live trucks', replay: 'Route replay', routes: 'Route progress', bins: 'Bins', toilets: 'Toilet audit',
      cases: 'Cases', scorecard: 'Monthly scorecard', crew: 'My route today', users: 'Users',
      coverage: 'Door-to-door coverage', violations: 'Sealed-transport violations', cleared: 'Daily clearance', toiletsUnder: 'Toilets under 6 cleanings',
      updated: 'updated', noDataYet: 'No device reported on this day yet: the zeros below are not failures.', odour: 'Odour episodes', pond: 'Leachate pond', noData: 'no data', notCleared: 'not cleared', served: 'Served', scheduled: 'Scheduled',
      missed: 'Missed', left: 'Left', household: 'Household', address: 'Address', truck: 'Truck', route: 'Route', date: 'Date',
      speed: 'Speed', cover: 'Cover', open: 'open', closed: 'closed', unknown: 'unknown', time: 'Time', level: 'Fill',
      pickup: 'To empty (most urgent first)', toilet: 'Toilet', cleanings: 'Cleanings', longestGap: 'Longest gap', assigned: 'By assigned cleaner',
      exceedances: 'Episodes (readings over)', readingsOver: '5-minute readings over the limit', minutes: 'min', peakValue: 'peak', limit: 'limit', status: 'Status', title: 'Case', contractor: 'Contractor', filed: 'Filed', dispatched: 'Dispatched',
      resolved: 'Resolved', closedCase: 'Closed', dispatch: 'Dispatch', resolve: 'Mark resolved', close: 'Close', assignee: 'Assignee', note: 'Note',
      month: 'Month', filedCount: 'Filed', completion: 'Completion rate', closure: 'Closure rate', onTime: 'On-time rate',
      exportCsv: 'Export CSV', exportXlsx: 'Export Excel', print: 'Print report', show: 'Show', km: 'km', peak: 'Peak speed',
      start: 'Start', end: 'End', nothing: 'None', volume: 'Volume', alarm: 'Alarm', daysLeft: 'Days to alarm',
      nh3: 'NH₃', h2s: 'H₂S', silent: 'Cover sensor silent', far: 'Scans far from the door', report: 'Monthly report', daysKept: 'Days audited',
      verdict: 'Verdict', ok: 'met', violation: 'violation', shortfall: 'Shortfall', unverified: 'unverified', heard: 'Heard',
      unheard: 'Not heard by the devices (not counted as failures)', silentNodes: 'Silent nodes', unverifiedHouseholds: 'Unverified households', kind: 'Kind', bin: 'Bin',
    },
  };
  let lang = localStorage.getItem('wiot-lang') || 'zh';
  const t = key => (text[lang] && text[lang][key]) || key;
  const apply = root => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    const button = root.getElementById ? root.getElementById('lang') : null;
    if (button) button.textContent = lang === 'zh' ? 'EN' : '中文';
  };
  const toggle = () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('wiot-lang', lang); };
  return { t, apply, toggle, get lang() { return lang; } };
})();
